import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Landing } from './landing';
import { Booting } from './lib/booting';
import { LangProvider, useLang } from './lib/i18n';
import { useReducedMotion } from './lib/motion';
import { PRIMARY, TEXT_TOKENS } from './lib/theme';
import { RequireBusiness, RequireStaff, SessionProvider } from './lib/session';

// The pages' own stylesheet is fetched by the script rather than linked in the head, so it never
// holds back the first paint (index.html's header and skeleton, styled inline); the page renders
// once it has arrived. The server preloads it (serve-web.ts), so it is usually there already.
const styles = import('./styles.css');

// Each area is its own bundle: a consumer on a phone does not download the dashboard's charts.
const consumer = () => import('./consumer');
const staff = () => import('./staff');
const business = () => import('./business');
const FilePage = lazy(() => consumer().then((m) => ({ default: m.FilePage })));
const ResultPage = lazy(() => consumer().then((m) => ({ default: m.ResultPage })));
const TrackPage = lazy(() => consumer().then((m) => ({ default: m.TrackPage })));
const BusinessDirectoryPage = lazy(() => consumer().then((m) => ({ default: m.BusinessDirectoryPage })));
const BusinessRecordPage = lazy(() => consumer().then((m) => ({ default: m.BusinessRecordPage })));
const LoginPage = lazy(() => staff().then((m) => ({ default: m.LoginPage })));
const QueuePage = lazy(() => staff().then((m) => ({ default: m.QueuePage })));
const CasePage = lazy(() => staff().then((m) => ({ default: m.CasePage })));
const BusinessesPage = lazy(() => staff().then((m) => ({ default: m.BusinessesPage })));
const BusinessLoginPage = lazy(() => business().then((m) => ({ default: m.BusinessLoginPage })));
const BusinessQueuePage = lazy(() => business().then((m) => ({ default: m.BusinessQueuePage })));
const BusinessCasePage = lazy(() => business().then((m) => ({ default: m.BusinessCasePage })));
const BusinessProfilePage = lazy(() => business().then((m) => ({ default: m.BusinessProfilePage })));
const DashboardPage = lazy(() => import('./dashboard').then((m) => ({ default: m.DashboardPage })));

function App() {
  const { lang } = useLang();
  const still = useReducedMotion();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: PRIMARY, ...TEXT_TOKENS, borderRadius: 6, motion: !still } }}
    >
      <AntApp>
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
                <Route path="/staff/login" element={<LoginPage />} />
                <Route
                  path="/staff"
                  element={
                    <RequireStaff>
                      <QueuePage />
                    </RequireStaff>
                  }
                />
                <Route
                  path="/staff/cases/:id"
                  element={
                    <RequireStaff>
                      <CasePage />
                    </RequireStaff>
                  }
                />
                <Route
                  path="/staff/businesses"
                  element={
                    <RequireStaff>
                      <BusinessesPage />
                    </RequireStaff>
                  }
                />
                <Route path="/business/login" element={<BusinessLoginPage />} />
                <Route
                  path="/business"
                  element={
                    <RequireBusiness>
                      <BusinessQueuePage />
                    </RequireBusiness>
                  }
                />
                <Route
                  path="/business/cases/:id"
                  element={
                    <RequireBusiness>
                      <BusinessCasePage />
                    </RequireBusiness>
                  }
                />
                <Route
                  path="/business/profile"
                  element={
                    <RequireBusiness>
                      <BusinessProfilePage />
                    </RequireBusiness>
                  }
                />
                <Route
                  path="/dashboard"
                  element={
                    <RequireStaff>
                      <DashboardPage />
                    </RequireStaff>
                  }
                />
                <Route path="*" element={<Landing />} />
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
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
