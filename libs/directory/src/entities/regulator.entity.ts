import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RegulatorKind = 'market' | 'sector';
export type RegulatorLevel = 'city' | 'county' | 'province';

/** A market-regulation bureau (city or area) or a sector regulator that owns some categories. */
@Entity('regulator')
export class Regulator {
  @PrimaryColumn() code: string;
  @Column() name: string;
  @Column({ type: 'text' }) kind: RegulatorKind;
  @Column({ type: 'text' }) level: RegulatorLevel;
  @Column({ type: 'varchar', nullable: true }) areaCode: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column() active: boolean;
}
