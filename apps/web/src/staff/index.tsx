/** The staff console: sign-in, the unit's queue, and the case file with its actions. */
export { LoginPage } from './LoginPage';
export { QueuePage } from './QueuePage';
export { CasePage } from './CasePage';
export { BusinessesPage } from './BusinessesPage';
