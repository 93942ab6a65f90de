import { useCallback } from 'react';
import { useTranslation } from '../i18n/useTranslation';
import type { Building, Household, RosterView, Unit, UnitId } from '@lianxin/model';

const PLAIN = /^\d+[A-Za-z]?$/;

export interface PlaceLabels {
  building(b: Pick<Building, 'number' | 'name'>): string;
  unit(u: Pick<Unit, 'number'>): string;
  household(roster: RosterView, h: Pick<Household, 'buildingId' | 'unitId' | 'room'>): string;
}

/** 58号楼3单元301 / Bldg 58, Unit 3, 301 — in the interface language. */
export function usePlaceLabels(): PlaceLabels {
  const { t } = useTranslation();
  const building = useCallback((b: Pick<Building, 'number' | 'name'>) => b.name ?? (PLAIN.test(b.number) ? t('place.building', { number: b.number }) : b.number), [t]);
  const unit = useCallback((u: Pick<Unit, 'number'>) => (PLAIN.test(u.number) ? t('place.unit', { number: u.number }) : u.number), [t]);
  const household = useCallback(
    (roster: RosterView, h: Pick<Household, 'buildingId' | 'unitId' | 'room'>) => {
      const b = roster.buildings.get(h.buildingId);
      const u = h.unitId ? roster.units.get(h.unitId as UnitId) : undefined;
      return t('place.household', { building: b ? building(b) : '?', unit: u ? unit(u) : '', room: h.room });
    },
    [t, building, unit],
  );
  return { building, unit, household };
}
