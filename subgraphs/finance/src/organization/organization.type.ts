import { FederatedEntity, OrganizationKey } from '@peacegraph/kit';

/** Stub of the humanitarian subgraph's Organization: finance adds the funding it gives and receives. */
@FederatedEntity({ description: 'An organisation taking part in the response (owned by the humanitarian subgraph; finance extends it).' })
export class Organization extends OrganizationKey {}
