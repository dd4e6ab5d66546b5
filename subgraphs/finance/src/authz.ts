import { DataClass, forbiddenAction, type Access } from '@peacegraph/kit';
import { memberStateOf } from './organization/organization-catalogue';

/**
 * Every write permission of the finance subgraph, in one place: this is the place to add one.
 * Reads are scoped in the loaders (funding-flow.scope.ts); these are the actions.
 */

/** UN finance roles: holders of DONOR_CONFIDENTIAL by agreement (not merely as a row's owner). */
export function isFinanceRole(access: Access): boolean {
  return access.holds(DataClass.DONOR_CONFIDENTIAL);
}

/** A donor records and advances its own flows; UN finance roles record anyone's. */
export function assertMayWriteFlowsOf(access: Access, sourceOrganizationId: string | null): void {
  const own = !!access.identity.organizationId && access.identity.organizationId === sourceOrganizationId;
  if (!own && !isFinanceRole(access)) {
    throw forbiddenAction('Only the donor itself or a UN finance officer may record or change this flow.');
  }
}

/** A member state's own government pays its assessments; UN finance roles record any payment. */
export function assertMayPayAssessmentOf(access: Access, memberStateIso3: string): void {
  const own = memberStateOf(access.identity.organizationId) === memberStateIso3;
  if (!own && !isFinanceRole(access)) {
    throw forbiddenAction(`Only ${memberStateIso3}'s own government or a UN finance officer may record a payment against this assessment.`);
  }
}
