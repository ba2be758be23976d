import { bilingual } from '@weiquan/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { AREA_KINDS } from '../entities/area.entity';
import { STATION_TYPES } from '../entities/station.entity';
import type { StationType } from '../entities/station.entity';

export class AreaDto {
  @ApiProperty({ example: '371502' }) code: string;
  @ApiProperty({ example: '东昌府区' }) name: string;
  @ApiProperty({ enum: AREA_KINDS }) kind: string;
  @ApiProperty({ type: Number, nullable: true, example: 36.434 }) lat: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 115.988 }) lng: number | null;
}

export class CategoryDto {
  @ApiProperty({ example: 'elderly-care' }) code: string;
  @ApiProperty({ example: '养老服务' }) name: string;
  @ApiProperty({ enum: ['service', 'goods'] }) group: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'CA-371500',
    description: '主管该品类的行业监管部门 / the sector regulator that owns it',
  })
  regulatorCode: string | null;
}

export class RegulatorDto {
  @ApiProperty({ example: 'MR-371502' }) code: string;
  @ApiProperty({ example: '聊城市东昌府区市场监督管理局' }) name: string;
  @ApiProperty({ enum: ['market', 'sector'] }) kind: string;
  @ApiProperty({ enum: ['city', 'county', 'province'] }) level: string;
  @ApiProperty({ type: String, nullable: true }) areaCode: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: [String], description: '该部门主管的品类 / categories it owns' }) categories: string[];
}

class VenueRefDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class StationDto {
  @ApiProperty({ example: 'ST-371502-001' }) code: string;
  @ApiProperty({ example: '金鼎购物中心消费维权服务站' }) name: string;
  @ApiProperty({ enum: STATION_TYPES }) type: string;
  @ApiProperty({ example: '371502' }) areaCode: string;
  @ApiProperty({ type: VenueRefDto, nullable: true }) venue: VenueRefDto | null;
  @ApiProperty() address: string;
  @ApiProperty({ type: Number, nullable: true }) lat: number | null;
  @ApiProperty({ type: Number, nullable: true }) lng: number | null;
  @ApiProperty({ type: [String] }) categories: string[];
  @ApiProperty({ description: '同时在办案件容量 / open cases it can hold' }) capacity: number;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class StationQueryDto {
  @ApiPropertyOptional({ example: '371502' })
  @IsOptional()
  @Matches(/^\d{6}$/, bilingual('应为 6 位区域代码', 'must be a 6-digit area code'))
  areaCode?: string;

  @ApiPropertyOptional({ enum: STATION_TYPES })
  @IsOptional()
  @IsIn(STATION_TYPES, bilingual(`应为 ${STATION_TYPES.join('/')} 之一`, `must be one of ${STATION_TYPES.join(', ')}`))
  type?: StationType;

  @ApiPropertyOptional({ example: 'catering', description: '只列出受理该品类的站点 / only stations covering this category' })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,40}$/, bilingual('不是有效的品类代码', 'is not a category code'))
  categoryCode?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false', 'all'],
    default: 'true',
    description: '默认只列出启用的站点 / active stations only by default',
  })
  @IsOptional()
  @IsIn(['true', 'false', 'all'], bilingual('应为 true、false 或 all', 'must be true, false or all'))
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.toLowerCase() : value))
  active?: 'true' | 'false' | 'all';
}
