import type { AuditFact, Identity, Language } from '@peacegraph/kit';

/** One subgraph fetch of a request, for the request log and the response cache's tags. */
export interface SubgraphTiming {
  subgraph: string;
  ms: number;
  ok: boolean;
}

/** What every step of a gateway request shares: the pipeline before Apollo Server builds it. */
export interface GatewayContext {
  requestId: string;
  identity: Identity;
  /** Negotiated from the caller's Accept-Language: forwarded to the subgraphs, part of the response cache's key. */
  language: Language;
  /** Date.now() when the HTTP request arrived (the request log's duration). */
  startedAt: number;
  /** One entry per subgraph fetch, for the request log. */
  subgraphTimings: SubgraphTiming[];
  /** What the subgraphs' answers disclosed (they logged it for this caller): kept with a cached answer. */
  auditFacts: AuditFact[];
}
