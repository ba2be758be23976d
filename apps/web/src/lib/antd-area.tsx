import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { useLang } from './i18n';
import { useReducedMotion } from './motion';
import { PRIMARY, TEXT_TOKENS } from './theme';

/**
 * The staff, business and dashboard areas are built with antd; this is its configuration (language,
 * colours, motion). It is loaded with those areas only: the public pages never download antd.
 */
export default function AntdArea({ children }: { children: ReactNode }) {
  const { lang } = useLang();
  const still = useReducedMotion();
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      theme={{ token: { colorPrimary: PRIMARY, ...TEXT_TOKENS, borderRadius: 6, motion: !still } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
