import type { ReactNode } from 'react';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { primeDashboard } from './dashboard/prime';
import { Landing } from './landing';
import { Booting } from './lib/booting';
import { LangProvider } from './lib/i18n';
import { RequireBusiness, RequireStaff, SessionProvider } from './lib/session';
import { ToastProvider } from './ui';

// The pages' stylesheets (their own and the ui kit's) are fetched by the script rather than linked in
// the head, so they never hold back the first paint (index.html's header and skeleton, styled inline);
// the page renders once they have arrived. The server preloads them (serve-web.ts), so they are
// usually there already.
const styles = Promise.all([import('./styles.css'), import('./ui/ui.css')]);
// The dashboard's headline figures are asked for now, not once its code has arrived (dashboard/prime.ts).
primeDashboard();

// Each public page is its own bundle, and each staff area one: a consumer on a phone looking up a case
// downloads neither the filing form nor the dashboard's charts.
const staff = () => import('./staff');
const business = () => import('./business');
const FilePage = lazy(() => import('./consumer/file-page').then((m) => ({ default: m.FilePage })));
const ResultPage = lazy(() => import('./consumer/result-page').then((m) => ({ default: m.ResultPage })));
const TrackPage = lazy(() => import('./consumer/track-page').then((m) => ({ default: m.TrackPage })));
const BusinessDirectoryPage = lazy(() => import('./consumer/business-directory').then((m) => ({ default: m.BusinessDirectoryPage })));
const BusinessRecordPage = lazy(() => import('./consumer/business-record').then((m) => ({ default: m.BusinessRecordPage })));
const LoginPage = lazy(() => staff().then((m) => ({ default: m.LoginPage })));
const QueuePage = lazy(() => staff().then((m) => ({ default: m.QueuePage })));
const CasePage = lazy(() => staff().then((m) => ({ default: m.CasePage })));
const BusinessesPage = lazy(() => staff().then((m) => ({ default: m.BusinessesPage })));
const WarningsPage = lazy(() => staff().then((m) => ({ default: m.WarningsPage })));
const BusinessLoginPage = lazy(() => business().then((m) => ({ default: m.BusinessLoginPage })));
const BusinessQueuePage = lazy(() => business().then((m) => ({ default: m.BusinessQueuePage })));
const BusinessCasePage = lazy(() => business().then((m) => ({ default: m.BusinessCasePage })));
const BusinessProfilePage = lazy(() => business().then((m) => ({ default: m.BusinessProfilePage })));
const AntdArea = lazy(() => import('./lib/antd-area'));
const DashboardPage = lazy(() => import('./dashboard').then((m) => ({ default: m.DashboardPage })));

/** A staff, business or dashboard page: antd and its settings come with it (the public pages have neither). */
function Antd({ children }: { children: ReactNode }) {
  return <AntdArea>{children}</AntdArea>;
}
const staffOnly = (page: ReactNode) => (
  <Antd>
    <RequireStaff>{page}</RequireStaff>
  </Antd>
);
const businessOnly = (page: ReactNode) => (
  <Antd>
    <RequireBusiness>{page}</RequireBusiness>
  </Antd>
);

function App() {
  return (
    <ToastProvider>
      <SessionProvider>
        <BrowserRouter>
          <Suspense fallback={<Booting />}>
            <Routes>
              <Route path="/" element={<Landing />} />
              <Route path="/complaint/new" element={<FilePage />} />
              <Route path="/complaint/done" element={<ResultPage />} />
              <Route path="/track" element={<TrackPage />} />
              <Route path="/disclosure/businesses" element={<BusinessDirectoryPage />} />
              <Route path="/disclosure/businesses/:creditCode" element={<BusinessRecordPage />} />
              <Route
                path="/staff/login"
                element={
                  <Antd>
                    <LoginPage />
                  </Antd>
                }
              />
              <Route path="/staff" element={staffOnly(<QueuePage />)} />
              <Route path="/staff/cases/:id" element={staffOnly(<CasePage />)} />
              <Route path="/staff/businesses" element={staffOnly(<BusinessesPage />)} />
              <Route path="/staff/warnings" element={staffOnly(<WarningsPage />)} />
              <Route
                path="/business/login"
                element={
                  <Antd>
                    <BusinessLoginPage />
                  </Antd>
                }
              />
              <Route path="/business" element={businessOnly(<BusinessQueuePage />)} />
              <Route path="/business/cases/:id" element={businessOnly(<BusinessCasePage />)} />
              <Route path="/business/profile" element={businessOnly(<BusinessProfilePage />)} />
              <Route path="/dashboard" element={staffOnly(<DashboardPage />)} />
              <Route path="*" element={<Landing />} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </SessionProvider>
    </ToastProvider>
  );
}

void styles
  .catch(() => undefined) // unstyled beats blank
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <LangProvider>
          <App />
        </LangProvider>
      </StrictMode>,
    ),
  );
