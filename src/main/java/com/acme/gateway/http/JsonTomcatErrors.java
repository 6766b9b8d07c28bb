package com.acme.gateway.http;

import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link JsonErrorReportValve} in place of Tomcat's HTML error report on the host.
 * Tomcat adds its own report valve when the host starts, and Spring Boot adds one of its
 * own (without the server's version) from a context customizer; both are replaced once
 * the host has started, just before the context starts, which is after every customizer
 * ran.
 */
@Configuration(proxyBeanMethods = false)
class JsonTomcatErrors {

	@Bean
	TomcatContextCustomizer jsonErrorReport() {
		return context -> context.addLifecycleListener(event -> {
			if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
				Container host = context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof JsonErrorReportValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new JsonErrorReportValve());
			}
		});
	}

}
