/** The consumer portal: file a complaint or report, keep its number and code, follow it; the public record of enrolled businesses. */
import './consumer.css';

export { FilePage } from './file-page';
export { ResultPage } from './result-page';
export { TrackPage } from './track-page';
export { BusinessDirectoryPage, BusinessRecordPage } from './business-record';
