// Opens the gateway's GraphiQL in Debian's Chromium, puts a bearer token into the Headers tab,
// runs the first example tab and prints one JSON line of what it saw, for GraphiQlBrowserIntegrationTests
// to judge: the result pane's text, every request URL (page and workers), the workers started and
// any console error (a CSP violation among them). Also saves a screenshot.
//
// Usage: node browser-check.mjs <gateway base URL> <bearer token> <screenshot path>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [baseUrl, token, screenshotPath] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const userDataDir = mkdtempSync(join(tmpdir(), 'graphiql-check-'));

const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 800 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const report = { requests: [], workers: [], consoleErrors: [], result: null, error: null };
try {
    context.on('request', request => report.requests.push(request.url()));
    const page = context.pages()[0] ?? await context.newPage();
    page.on('worker', worker => report.workers.push(worker.url()));
    page.on('console', message => {
        if (message.type() === 'error') {
            report.consoleErrors.push(message.text().slice(0, 300));
        }
    });
    page.on('pageerror', error => report.consoleErrors.push(String(error)));

    await page.goto(`${baseUrl}/graphiql`);
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });

    // The Headers tab holds a placeholder; replace it with the token, as the README tells users to.
    await page.locator('.graphiql-editor-tools button[data-name="headers"]').click();
    const headersEditor = page.locator('.graphiql-editor-tool .graphiql-editor:not(.hidden) .monaco-editor');
    await headersEditor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    // insertText sends the text as one input, so Monaco does not add closing quotes and braces.
    await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${token}` }));

    await page.locator('.graphiql-execute-button').click();
    const resultPane = page.locator('.result-window');
    await resultPane.getByText('"sequenceStates"').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    // Monaco draws spaces as no-break spaces.
    report.result = (await resultPane.innerText()).replace(/\u00a0/g, ' ');
    await page.screenshot({ path: screenshotPath });
}
catch (error) {
    report.error = String(error);
}
finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(report));
