import { List, Space, Tag, Tooltip, Typography, Card } from 'antd';
import { useLang } from '../lib/i18n';
import type { CaseClock } from '../api/types';
import { CLOCK_LABEL, fmtDate, Muted, pick } from './common';

/** 时限: every statutory clock, its due day and state; provisional ones marked 暂定. */
export function ClocksCard({ clocks }: { clocks: CaseClock[] }) {
  const { t } = useLang();
  const state = (k: CaseClock) => {
    // The case finished while this clock was unmet: nobody owes it any more (withdrawn, refused, closed).
    if (k.ended) return <Tag data-testid={`clock-ended-${k.clock}`}>{t('已结束（不再计时）', 'Ended (no longer runs)')}</Tag>;
    if (k.metOn)
      return k.late ? (
        <Tag color="orange">{t(`逾期完成 ${fmtDate(k.metOn)}`, `Met late ${fmtDate(k.metOn)}`)}</Tag>
      ) : (
        <Tag color="success">{t(`已完成 ${fmtDate(k.metOn)}`, `Met ${fmtDate(k.metOn)}`)}</Tag>
      );
    if (k.pausedOn) return <Tag color="warning">{t(`已暂停计时 ${fmtDate(k.pausedOn)}`, `Paused ${fmtDate(k.pausedOn)}`)}</Tag>;
    if (k.overdue) return <Tag color="error">{t('已超期', 'Overdue')}</Tag>;
    if (k.running) return <Tag color="processing">{t('计时中', 'Running')}</Tag>;
    return <Tag>{t('未计时', 'Not running')}</Tag>;
  };
  return (
    <Card size="small" title={t('时限', 'Time limits')} data-testid="clocks">
      {clocks.length === 0 ? (
        <Muted>{t('尚无时限', 'No clocks yet')}</Muted>
      ) : (
        <List
          size="small"
          dataSource={clocks}
          renderItem={(k) => (
            <List.Item data-testid={`clock-${k.clock}`} style={{ paddingInline: 0 }}>
              <div style={{ width: '100%' }}>
                <Space wrap size={4} style={{ justifyContent: 'space-between', width: '100%' }}>
                  <Tooltip title={k.label}>
                    <Typography.Text strong>{pick(t, CLOCK_LABEL[k.clock], k.label)}</Typography.Text>
                  </Tooltip>
                  {state(k)}
                </Space>
                <div>
                  <span className={k.overdue ? 'staff-due-overdue' : k.ended ? 'staff-due-ended' : undefined}>
                    {k.ended ? t('原期限', 'Was due') : t('期限', 'Due')} {fmtDate(k.dueOn)}
                  </span>
                  {k.provisional && !k.ended && (
                    <Tooltip
                      title={t(
                        '该年度法定节假日安排尚未公布，期限暂按周一至周五计算，公布后自动重新计算。',
                        "The year's official holidays are not published yet: counted Monday–Friday for now and recomputed when they are.",
                      )}
                    >
                      <Tag color="gold" style={{ marginInlineStart: 6 }} data-testid="clock-provisional">
                        {t('暂定', 'Provisional')}
                      </Tag>
                    </Tooltip>
                  )}
                </div>
                <Muted>
                  {k.count === 'calendar'
                    ? t(
                        `自 ${fmtDate(k.countsFrom)} 起 ${k.days} 日（届满日为节假日的顺延）`,
                        `${k.days} days from ${fmtDate(k.countsFrom)} (ending on a working day)`,
                      )
                    : t(`自 ${fmtDate(k.countsFrom)} 起 ${k.days} 个工作日`, `${k.days} working days from ${fmtDate(k.countsFrom)}`)}
                </Muted>
                {k.basis && (
                  <div data-testid={`clock-basis-${k.clock}`}>
                    {k.basis.kind === 'policy' ? (
                      <Tag color="blue">{t('本市工作规范，非法定期限', 'City policy, not a legal deadline')}</Tag>
                    ) : (
                      <Muted>{t(`依据：${k.basis.text}`, `Basis: ${k.basis.text}`)}</Muted>
                    )}
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
