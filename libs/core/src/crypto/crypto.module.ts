import { Global, Module } from '@nestjs/common';
import { PersonalDataCipher } from './personal-data.cipher';

@Global()
@Module({ providers: [PersonalDataCipher], exports: [PersonalDataCipher] })
export class CryptoModule {}
