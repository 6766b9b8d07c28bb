import { defineConfig } from 'vite';

// Built by Maven (see pom.xml) into the gateway's classpath: the page at graphiql/index.html
// (served at /graphiql by GraphiQlConfiguration) and everything it loads under graphiql/assets/.
export default defineConfig({
    base: '/graphiql/',
    build: {
        outDir: process.env.GRAPHIQL_OUT_DIR || '../target/classes/graphiql',
        emptyOutDir: true,
        // Fonts and images as files, never data: URLs, so the CSP needs no data: source.
        assetsInlineLimit: 0,
        chunkSizeWarningLimit: 8000,
        reportCompressedSize: false,
        rolldownOptions: {
            onwarn(warning, warn) {
                // React's "use client" markers mean nothing outside a server-components build.
                if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') {
                    warn(warning);
                }
            },
        },
    },
    worker: {
        format: 'es',
    },
});
