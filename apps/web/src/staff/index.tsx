/** The staff console: sign-in, the unit's queue, the case file with its actions, businesses, early warnings. */
export { LoginPage } from './LoginPage';
export { QueuePage } from './QueuePage';
export { CasePage } from './CasePage';
export { BusinessesPage } from './BusinessesPage';
export { WarningsPage } from './WarningsPage';
