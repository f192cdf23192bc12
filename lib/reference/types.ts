/** A university of the Ministry's list (`data/universities-*.json`). */
export interface University {
  /** 5-digit 院校代码, the first five digits of degree and graduation certificate numbers. */
  code: string;
  name: string;
  province: string;
  city?: string;
  authority?: string;
  level?: string;
  private?: boolean;
}

/** A province-level division: the 31 of the mainland plus 新疆生产建设兵团. */
export interface Province {
  /** GB/T 2260 two-digit code (兵团: `66`, sharing 新疆's prefix area by convention). */
  code: string;
  name: string;
  /** Short and alternative names (`京`, `北京`, `内蒙古`). */
  aliases: string[];
}

/** A prefecture- or county-level division: 4- or 6-digit GB/T 2260 code and its name (`130102`, `长安区`). */
export interface Division {
  code: string;
  name: string;
}

/** Every reference list carries where it came from and when, so an admin can tell which list a verdict used. */
export interface ReferenceList<T> {
  id: ReferenceListId;
  version: string;
  source: string;
  items: T[];
}

export type ReferenceListId = 'universities' | 'doubleFirstClass' | 'pilotUniversities' | 'provinces' | 'divisions';

export interface ReferenceData {
  universities: ReferenceList<University>;
  /** 双一流 construction universities (second round, 2022): names, optionally codes. */
  doubleFirstClass: ReferenceList<{ name: string; code?: string; aliases?: string[] }>;
  /** 国优计划 pilot universities (batch 1, 2023; batch 2, 2024). */
  pilotUniversities: ReferenceList<{ name: string; code?: string; batch: number }>;
  provinces: ReferenceList<Province>;
  /**
   * Prefecture-level (4-digit code) and county-level (6-digit code) divisions of GB/T 2260, for `school.in-province`:
   * a division's place is its code (the first two digits its province, the first four its prefecture).
   */
  divisions: ReferenceList<Division>;
}
