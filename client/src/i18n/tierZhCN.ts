// Simplified Chinese for the community's side of the township link (spread into zhCN.ts as `tier`).
export const tierZhCN = {
  atTownship: '乡镇',
  overdue: '督办',
  overdueHelp: '乡镇交办的期限已过,尚未办结',
  section: '乡镇办理情况',
  state: '状态',
  assignedTo: '交办给',
  toCommunity: '本社区',
  deadline: '期限',
  resolvedBy: { township: '乡镇办结', community: '社区办结' },
  handedBackReason: '退回理由',
  actions: '乡镇办理经过',
  noActions: '乡镇尚未处理',
  stars: '支部争五星',
  starsValue: '{{year}} 年 {{township}} 评定 {{stars}} 星',
};
