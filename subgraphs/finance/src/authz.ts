import { DataClass, defineWriteRules, type Access } from '@peacegraph/kit';
import { memberStateOf } from './organization/organization-catalogue';

/**
 * Who may change finance records: the catalogue of write actions of this subgraph, one rule
 * each (kit's defineWriteRules). This is the place to add one. Reads are scoped in the loaders
 * (funding-flow.scope.ts). The caller is its Access: UN finance roles are recognised by the
 * agreements they hold, matched on the organisation directory.
 */

/** UN finance roles: holders of DONOR_CONFIDENTIAL by agreement (not merely as a row's owner). */
function isFinanceRole(access: Access): boolean {
  return access.holds(DataClass.DONOR_CONFIDENTIAL);
}

/** A flow is written for its donor (the source organisation). */
export interface FlowRecord {
  sourceOrganizationId: string | null;
}

/** An assessment is paid by its member state. */
export interface AssessmentRecord {
  memberStateIso3: string;
}

/** A donor records and advances its own flows; UN finance roles record anyone's. */
const donorOrFinanceOfficer = {
  who: 'the donor itself or a UN finance officer',
  allows: (access: Access, flow: FlowRecord) =>
    (!!access.identity.organizationId && access.identity.organizationId === flow.sourceOrganizationId) || isFinanceRole(access),
};

export const { assertMayWrite } = defineWriteRules<
  Access,
  { recordPledge: FlowRecord; convertPledgeToCommitment: FlowRecord; recordFlowPayment: FlowRecord; recordAssessmentPayment: AssessmentRecord }
>({
  recordPledge: donorOrFinanceOfficer,
  convertPledgeToCommitment: donorOrFinanceOfficer,
  recordFlowPayment: donorOrFinanceOfficer,
  // A member state's own government pays its assessments; UN finance roles record any payment.
  recordAssessmentPayment: {
    who: (assessment) => `${assessment.memberStateIso3}'s own government or a UN finance officer`,
    allows: (access, assessment) => memberStateOf(access.identity.organizationId) === assessment.memberStateIso3 || isFinanceRole(access),
  },
});
