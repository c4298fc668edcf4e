// Japanese strings of the tools hub (/tools). Each tool's own screen has its own bundle
// (report-*.ts, goals-*.ts, brief-*.ts, employers-*.ts); this key list is the reference
// for tools-en.ts.
export const toolsJa = {
  'tools.title': 'キャリアの道具',
  'tools.lead': 'ガイドの5つの処方箋を、電車の中で終わる小さな一歩に。どれも電波がなくても使えます。',
  'tools.remedy': '処方箋{n}',
  'tools.mindset': '心の持ち方',
  'tools.report': '週報をつくる',
  'tools.report_blurb': '記録から上司への週報を自動で下書き。短縮した時間と成果を見える形に。',
  'tools.brief': '1on1の準備',
  'tools.brief_blurb': 'やりたい仕事、時間の使い方、会社への貢献を1枚のメモに。',
  'tools.goals': '目標',
  'tools.goals_blurb': '「いつまでに、何を」。期限の近いもの、過ぎたものがひと目でわかります。',
  'tools.learning': '学びの記録',
  'tools.learning_blurb': '通勤や夜の学びを数分で記録。週と月の合計、資格までの道のり。',
  'tools.network': '人とのつながり',
  'tools.network_blurb': 'ロールモデルや勉強会。連絡したい人を忘れないリスト。',
  'tools.employers': '会社の比較',
  'tools.employers_blurb': '働く母親にとっての働きやすさを、重みをつけて点数で比べます。',
  'tools.mode': '攻めと守り',
  'tools.mode_blurb': '今は攻めの時期か、守りの時期か。期間と目的を決めておきます。',
  'tools.guide_tools': 'ガイドの道具',
  'tools.selfcheck': 'セルフチェック',
  'tools.earnings': '生涯年収の差',
}

export type ToolsKey = keyof typeof toolsJa
