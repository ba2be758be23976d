/** The business portal (经营者工作台): sign-in, the complaints about the business, its answers, its public statement. */
import './business.css';

export { BusinessLoginPage } from './LoginPage';
export { BusinessQueuePage } from './QueuePage';
export { BusinessCasePage } from './CasePage';
export { BusinessProfilePage } from './ProfilePage';
