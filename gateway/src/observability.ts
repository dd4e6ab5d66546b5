import { trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { gatewayEnv } from './env';
import type { GatewayContext } from './context';

/**
 * OpenTelemetry tracing: on when OTEL_EXPORTER_OTLP_ENDPOINT is set, off otherwise (the API's
 * no-op tracer: no exporter, no network). An unreachable collector only loses spans.
 */
export interface Tracing {
  enabled: boolean;
  shutdown(): Promise<void>;
}

let active: NodeTracerProvider | null = null;

export function startTracing(env: NodeJS.ProcessEnv = process.env): Tracing {
  const endpoint = gatewayEnv(env).OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return { enabled: false, shutdown: async () => {} };
  if (!active) {
    const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces`, timeoutMillis: 2000 });
    active = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(exporter)] });
    active.register();
  }
  const provider = active;
  return {
    enabled: true,
    async shutdown() {
      // Flushing to a dead collector must not hold shutdown: bounded.
      await Promise.race([provider.shutdown().catch(() => {}), new Promise((r) => setTimeout(r, 2000).unref())]);
      if (active === provider) active = null;
    },
  };
}

export function tracer(): Tracer {
  return trace.getTracer('peacegraph-gateway');
}

/**
 * One JSON log line per operation: request id, organisation, operation name, duration and
 * per-subgraph timings. Never variables, response bodies or tokens: they may carry restricted
 * values (a victim's name in a filter, a precise location in a result).
 */
export function requestLogPlugin(log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const span = tracer().startSpan('graphql.request', { attributes: { 'peacegraph.request_id': contextValue.requestId } });
      return {
        async willSendResponse({ contextValue: ctx, operationName, errors, response }) {
          const durationMs = Date.now() - ctx.startedAt;
          span.setAttribute('graphql.operation.name', operationName ?? '');
          span.end();
          log.info(
            {
              requestId: ctx.requestId,
              organization: ctx.identity.organizationId,
              operationName: operationName ?? null,
              status: response.http.status ?? 200,
              durationMs,
              subgraphs: ctx.subgraphTimings,
              errorCodes: errors?.map((e) => (e.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR'),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
