import { Injectable } from '@nestjs/common';
import { respondentKey } from '@weiquan/complaints/intake/identity.rules';
import { BusinessRepository } from './business.repository';

/** The demo business's credit code (GB 32100 check character included): a sample, not a real company. */
const DEMO_BUSINESS_CODE = '91371502MA3DEM00XW';
const DEMO_NAME = '聊城市示例餐饮有限公司（演示）';

/**
 * A sample enrolled business for trying the business portal (`npm start` outside production): a
 * tenant of the venue of the demo station, so its complaints show the whole path. Added once; an
 * existing one is left as it is.
 */
@Injectable()
export class DemoBusiness {
  constructor(private readonly repo: BusinessRepository) {}

  async ensure(): Promise<{ creditCode: string; added: boolean } | null> {
    const place = await this.repo.demoPlace();
    if (!place) return null;
    const added = await this.repo.insert({
      creditCode: DEMO_BUSINESS_CODE,
      name: DEMO_NAME,
      nameKey: respondentKey(DEMO_NAME),
      areaCode: place.areaCode,
      venueCode: place.venueCode,
      platform: false,
      phone: null,
      address: null,
      enrolledBy: 'demo',
    });
    return { creditCode: DEMO_BUSINESS_CODE, added };
  }
}
