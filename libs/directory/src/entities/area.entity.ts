import { Column, Entity, PrimaryColumn } from 'typeorm';

export const AREA_KINDS = ['district', 'county', 'county-city', 'zone'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** A county-level area of the city (GB/T 2260 code, or a local code for a functional zone). */
@Entity('area')
export class Area {
  @PrimaryColumn() code: string;
  @Column() name: string;
  @Column({ type: 'text' }) kind: AreaKind;
  @Column({ type: 'numeric', nullable: true }) lat: string | null;
  @Column({ type: 'numeric', nullable: true }) lng: string | null;
  @Column() sortOrder: number;
}
