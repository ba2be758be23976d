import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export const STATION_TYPES = ['mall', 'scenic', 'market', 'community', 'platform', 'enterprise'] as const;
export type StationType = (typeof STATION_TYPES)[number];

/** A consumer rights-protection service station (消费维权服务站). Categories live in station_category. */
@Entity('station')
export class Station {
  @PrimaryColumn() code: string;
  @Column() name: string;
  @Column({ type: 'text' }) type: StationType;
  @Column() areaCode: string;
  @Column({ type: 'varchar', nullable: true }) venueCode: string | null;
  @Column() address: string;
  @Column({ type: 'numeric', nullable: true }) lat: string | null;
  @Column({ type: 'numeric', nullable: true }) lng: string | null;
  @Column() capacity: number;
  @Column() active: boolean;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}

@Entity('station_category')
export class StationCategory {
  @PrimaryColumn() stationCode: string;
  @PrimaryColumn() categoryCode: string;
}
