import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CategoryGroup = 'service' | 'goods';

/** A consumption category; `regulatorCode` is the sector regulator that owns it, if any. */
@Entity('category')
export class Category {
  @PrimaryColumn() code: string;
  @Column() name: string;
  @Column({ type: 'text' }) group: CategoryGroup;
  @Column({ type: 'varchar', nullable: true }) regulatorCode: string | null;
  @Column() sortOrder: number;
}
