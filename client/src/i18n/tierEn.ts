// English for the community's side of the township link (spread into en.ts as `tier`).
export const tierEn = {
  atTownship: 'Township',
  overdue: 'Overdue',
  overdueHelp: "The township's deadline has passed and it is not resolved",
  section: 'At the township',
  state: 'State',
  assignedTo: 'Assigned to',
  toCommunity: 'this community',
  deadline: 'Deadline',
  resolvedBy: { township: 'Resolved by the township', community: 'Resolved by the community' },
  handedBackReason: 'Reason for handing back',
  actions: "The township's actions",
  noActions: 'The township has not acted yet',
  stars: 'Five-star branch rating',
  starsValue: '{{stars}} of 5 stars, rated by {{township}} for {{year}}',
};
