/** The shapes the consumer pages read from the API (see libs/complaints). */

export type Kind = 'complaint' | 'report' | 'both';

export interface Category { code: string; name: string; group: 'service' | 'goods'; regulatorCode: string | null }
export interface Area { code: string; name: string; kind: string }
export interface Station {
  code: string;
  name: string;
  type: string;
  areaCode: string;
  venue: { code: string; name: string } | null;
  active: boolean;
}
/** A place businesses sit in (mall, scenic spot, market, platform), with the area it is in. */
export interface Venue { code: string; name: string; areaCode: string }

/** POST /complaints → 201 */
export interface SubmissionAnswer {
  trackingNo: string;
  accessCode: string;
  kind: Kind;
  status: 'received' | 'duplicate';
  receivedAt: string;
  acceptanceDueDate: string | null;
  acceptanceDueProvisional?: boolean;
  linkedTrackingNo?: string;
  duplicateOfTrackingNo?: string;
  cases?: { trackingNo: string; track: 'complaint' | 'report'; status: string; dueDate: string | null; duplicateOfTrackingNo?: string }[];
}

/** What the result page shows: the answer, and how the attachments fared. */
export interface FiledState {
  answer: SubmissionAnswer;
  uploaded: number;
  uploadError?: string;
}

export interface Deadline {
  kind: string;
  text: string;
  dueDate: string;
  provisional: boolean;
  metOn: string | null;
  pausedOn: string | null;
}

export interface AttachmentInfo { id: string; name: string; mime: string; size: number; at: string }

/** GET /complaints/{trackingNo} */
export interface CaseView {
  trackingNo: string;
  track: 'complaint' | 'report';
  status: string;
  statusText: string;
  category: { code: string; name: string };
  respondentName: string;
  receivedAt: string;
  assignee: { code: string; name: string; type: 'station' | 'regulator' } | null;
  dueDate: string | null;
  deadlines: Deadline[];
  linkedTrackingNo: string | null;
  duplicateOfTrackingNo: string | null;
  rating: { rating: Rating; comment: string | null } | null;
  attachments: AttachmentInfo[];
  timeline: { at: string; type: string; text: string }[];
}

export type Rating = 'satisfied' | 'basically' | 'dissatisfied';
