// Starter checklist items offered at first run. Each is one small daily step taken from
// the guide's remedies; the key is stable (saved as starter_key) so the app can tell a
// starter item apart from one she wrote herself, whatever it is renamed to later.
import type { Lang } from './i18n'

export interface StarterItem {
  key: string
  title: Record<Lang, string>
  why: Record<Lang, string>
}

export const STARTER_ITEMS: readonly StarterItem[] = [
  {
    key: 'one_on_one',
    title: {
      ja: '上司との1on1に向けて、話したいことを1行メモする',
      en: 'Jot one line for my next 1:1 with my manager',
    },
    why: {
      ja: '「いつまでに、何を」を言葉にしておくと、面談で伝えやすくなります。',
      en: 'Having "what, by when" in words makes it easier to say in the meeting.',
    },
  },
  {
    key: 'log_improvement',
    title: {
      ja: '仕事を早く終えた工夫を1つ記録する',
      en: 'Log one way I got a task done faster',
    },
    why: {
      ja: '時間あたりの成果は、数字にすると周りにも見えるようになります。',
      en: 'Output per hour becomes visible to others once it is in numbers.',
    },
  },
  {
    key: 'study_15',
    title: {
      ja: '15分だけ学ぶ（通勤中・寝かしつけの後・家事をしながら）',
      en: 'Study for 15 minutes (commute, after bedtime, or while doing chores)',
    },
    why: {
      ja: 'スキルや資格は、会社の外でも通じるあなたの価値になります。',
      en: 'Skills and certificates are value that counts outside your company too.',
    },
  },
  {
    key: 'reach_out',
    title: {
      ja: '社外の人やロールモデルに1人、連絡する',
      en: 'Reach out to one person outside work or a role model',
    },
    why: {
      ja: '家でも職場でもない「第三の場所」が、視野と選択肢を広げます。',
      en: 'A "third place" beyond home and work widens what you see and can choose.',
    },
  },
  {
    key: 'leave_on_time',
    title: {
      ja: '決めた時間に仕事を終える',
      en: 'Finish work at the time I set',
    },
    why: {
      ja: '休むことも仕事のうち。続けられるペースが、長いキャリアを支えます。',
      en: 'Rest is part of the job. A pace you can keep carries a long career.',
    },
  },
  {
    key: 'plan_tomorrow',
    title: {
      ja: '明日やることの優先順位を3つ決める',
      en: "Pick tomorrow's top three priorities",
    },
    why: {
      ja: '全部を100点にしなくていい。大事なことから60点で進めましょう。',
      en: 'Not everything needs 100 points. Move the important things forward at 60.',
    },
  },
  {
    key: 'look_outward',
    title: {
      ja: '気になる会社の働き方や評価の仕組みを1つ調べる',
      en: 'Look up how one other employer handles flexible work and evaluation',
    },
    why: {
      ja: '外の基準を知ると、今の職場を落ち着いて見直せます。',
      en: 'Knowing how others do it helps you judge your own workplace calmly.',
    },
  },
]
