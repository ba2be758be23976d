/**
 * The API's shapes, by the names the pages use. Every one is generated from the API's OpenAPI
 * document (`npm run api:types` writes schema.d.ts next to this file; test/openapi.e2e-spec.ts
 * fails when it no longer matches the code): change a DTO, run it, and the pages' types follow.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

/* Enums shared by several answers. */
export type Track = Schemas['Track'];
export type CaseStatus = Schemas['CaseStatus'];
export type CaseAction = Schemas['CaseAction'];
export type ClockName = Schemas['ClockName'];
export type Rating = Schemas['Rating'];
export type Kind = Schemas['CreateComplaintDto']['kind'];
export type SeriesMetric = Schemas['SeriesMetric'];
export type Interval = Schemas['Interval'];

/* Errors: the contract's { statusCode, error, message, details? }. */
export type ErrorBody = Schemas['ErrorDto'];
export type FieldProblem = Schemas['FieldProblemDto'];

/* The public directory. */
export type Area = Schemas['AreaDto'];
export type Category = Schemas['CategoryDto'];
export type Station = Schemas['StationDto'];
export type Regulator = Schemas['RegulatorDto'];

/* Consumers: filing and following a case. */
export type NewComplaint = Schemas['CreateComplaintDto'];
export type SubmissionAnswer = Schemas['SubmissionAnswerDto'];
export type CaseView = Schemas['ConsumerCaseViewDto'];
export type AccessCodeRecovery = Schemas['AccessCodeRecoveryDto'];
export type Attachment = Schemas['AttachmentDto'];
export type AttachmentsAdded = Schemas['AttachmentsAddedDto'];

/* Staff: sign-in, the queue, the case file, actions. */
export type LoginAnswer = Schemas['LoginResponseDto'];
export type StaffUser = Schemas['LoginUserDto'];
export type CaseListItem = Schemas['CaseListItemDto'];
export type CasePage = Schemas['CasePageDto'];
export type CaseDetail = Schemas['CaseDetailDto'];
export type CaseClock = Schemas['CaseClockDto'];
export type ReasonOption = Schemas['ReasonOptionDto'];
export type RoutingRound = Schemas['RoutingRoundDto'];
export type RoutingCandidate = Schemas['RoutingCandidateDto'];
export type HistoryEvent = Schemas['HistoryEventDto'];
export type ClaimantFlags = Schemas['ClaimantFlagsDto'];
export type PersonalData = Schemas['PersonalDataDto'];
export type CaseActionBody = Schemas['CaseActionDto'];
export type ActionResult = Schemas['ActionResultDto'];

/* Statistics (docs/METRICS.md defines each figure). */
/** A rate 0–1 with four decimals, or null when nothing was counted below the line. */
export type Rate = Schemas['SummaryDto']['satisfactionRate'];
export type Summary = Schemas['SummaryDto'];
export type Timeseries = Schemas['TimeseriesDto'];
export type Breakdown = Schemas['BreakdownDto'];
export type BreakdownItem = Schemas['BreakdownItemDto'];
export type Respondents = Schemas['RespondentHotspotsDto'];
export type RespondentItem = Schemas['RespondentItemDto'];
export type Units = Schemas['UnitsDto'];
export type UnitRow = Schemas['UnitRowDto'];

/* Businesses as parties: enrolment (staff), the business portal, the public record. */
export type Remedy = Schemas['Remedy'];
export type OfferResponse = Schemas['OfferResponse'];
export type Business = Schemas['BusinessDto'];
export type BusinessPage = Schemas['BusinessPageDto'];
export type EnrolBusiness = Schemas['EnrolBusinessDto'];
export type BusinessUser = Schemas['BusinessUserDto'];
export type CreatedBusinessUser = Schemas['CreatedBusinessUserDto'];
export type BusinessCaseItem = Schemas['BusinessCaseItemDto'];
export type BusinessCasePage = Schemas['BusinessCasePageDto'];
export type BusinessCase = Schemas['BusinessCaseDto'];
export type BusinessAttachment = Schemas['BusinessAttachmentDto'];
export type PublicBusiness = Schemas['PublicBusinessDto'];
export type PublicBusinessPage = Schemas['PublicBusinessPageDto'];
export type BusinessRecord = Schemas['BusinessRecordDto'];
export type DisclosedComplaint = Schemas['DisclosedComplaintDto'];
export type BusinessStats = Schemas['BusinessStatsDto'];
export type VenueBusinessStats = Schemas['VenueBusinessStatsDto'];
export type BusinessStatsRow = Schemas['BusinessStatsRowDto'];
export type VenueBusinessStatsRow = Schemas['VenueBusinessStatsRowDto'];

/* Consumer warnings (消费提示): the public's, and the bureau's list. */
export type PublicConsumerWarning = Schemas['PublicConsumerWarningDto'];
export type ConsumerWarning = Schemas['ConsumerWarningDto'];
export type PublishConsumerWarning = Schemas['PublishConsumerWarningDto'];

/* Early-warning alerts (消费预警) and what a bureau does with one: a joint complaint, a consumer warning. */
export type Alert = Schemas['AlertDto'];
export type AlertDetail = Schemas['AlertDetailDto'];
export type AlertPage = Schemas['AlertPageDto'];
export type AlertEvent = Schemas['AlertEventDto'];
export type CreateJointCase = Schemas['CreateJointCaseDto'];
export type JointCase = Schemas['JointCaseDto'];
