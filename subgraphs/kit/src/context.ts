import type { Db } from './db';
import type { Identity } from './identity';
import type { Language } from './language';
import type { Access } from './policy/access';

/** The one context every subgraph resolver receives. `loaders` are per request. */
export interface SubgraphContext<Loaders = unknown> {
  requestId: string;
  identity: Identity;
  /** Effective agreements for this request: field decisions and SQL row scope. */
  access: Access;
  db: Db;
  loaders: Loaders;
  /** Negotiated from Accept-Language (our gateway forwards the caller's): what a `name` without `language:` is served in. */
  language: Language;
  /** The caller (our gateway) asked for the answer's audit facts (AUDIT_FACTS_HEADER). */
  sendAuditFacts?: boolean;
}
