export * from './complaints.module';
export * from './dto/create-complaint.dto';
export * from './intake/intake.migration';
export { CaseAttachments, fileAnswer } from './consumer/case-attachments';
export type { UploadedFileInput } from './consumer/case-attachments';
export * from './intake/repeat-filing.migration';
export * from './intake/intake.service';
export * from './intake/identity.rules';
export * from './disclosure/disclosure.migration';
