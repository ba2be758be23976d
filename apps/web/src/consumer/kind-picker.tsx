import { useLang } from '../lib/i18n';
import { RadioGroup } from '../ui';
import type { FilingKind } from './file-form';

/** 投诉 / 举报 / 两者都有, each with what it means in plain words: the choice decides who handles it and how. */
export function KindPicker({ value, onChange }: { value: FilingKind; onChange: (kind: FilingKind) => void }) {
  const { t } = useLang();
  const options: { kind: FilingKind; title: string; text: string }[] = [
    {
      kind: 'complaint',
      title: t('投诉', 'Complaint'),
      text: t(
        '您本人与经营者之间的消费纠纷，希望退款、赔偿、更换或维修。可先由消费维权服务站协助您与经营者协商和解，也可直接向市场监管部门投诉，由其依法受理、调解。',
        'Your own dispute with a business: you want a refund, compensation, a replacement or a repair. A rights-protection station can first help you and the business agree, or you complain to the regulator directly, which decides whether to accept it and mediates.',
      ),
    },
    {
      kind: 'report',
      title: t('举报', 'Report'),
      text: t(
        '向监管部门反映经营者涉嫌违法的线索（如无照经营、虚假宣传、销售假冒伪劣商品）。不进行调解，也不为您追回损失；监管部门核查后决定是否立案；实名举报的，告知您是否立案（不告知处理细节）。',
        'A lead on illegal conduct for the regulator (unlicensed trading, false advertising, fake goods). There is no mediation and no money is recovered for you; the regulator checks it and decides whether to open a case; if you give your name, you are told whether a case was opened (not how it is handled).',
      ),
    },
    {
      kind: 'both',
      title: t('两者都有', 'Both'),
      text: t(
        '既要解决自己的纠纷，也要反映违法行为：将分为一件投诉和一件举报，分别办理，用同一个查询码查询。',
        'Your own dispute and a lead on illegal conduct: it becomes one complaint and one report, handled separately, both tracked with the same access code.',
      ),
    },
  ];
  return (
    <RadioGroup<FilingKind>
      name="kind"
      value={value}
      onChange={onChange}
      className="kind-options"
      choices={options.map((o) => ({ value: o.kind, label: o.title, description: o.text, 'data-testid': `kind-${o.kind}` }))}
    />
  );
}
