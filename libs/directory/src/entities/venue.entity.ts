import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StationType } from './station.entity';

/** A place businesses operate in (mall, scenic spot, market, platform…); stations sit in venues. */
@Entity('venue')
export class Venue {
  @PrimaryColumn() code: string;
  @Column() name: string;
  @Column({ type: 'text' }) type: StationType;
  @Column() areaCode: string;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'numeric', nullable: true }) lat: string | null;
  @Column({ type: 'numeric', nullable: true }) lng: string | null;
  /** Named in the seed documents (as opposed to generated sample data). */
  @Column() named: boolean;
}
