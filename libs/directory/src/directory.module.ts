import { Module } from '@nestjs/common';
import { IdentityModule } from '@weiquan/identity';
import { DirectoryController } from './directory.controller';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';
import { AdminDirectoryController } from './import/admin-directory.controller';
import { DirectoryImportService } from './import/directory-import.service';
import { DirectorySeeder } from './seed/directory-seeder';

/** The directory for any process (API, worker, CLI): no routes. */
@Module({
  providers: [DirectoryRepository, DirectoryService, DirectoryImportService, DirectorySeeder],
  exports: [DirectoryService, DirectoryImportService, DirectorySeeder],
})
export class DirectoryModule {}

/** The public directory routes and the administrators' import, for the API only. */
@Module({ imports: [DirectoryModule, IdentityModule], controllers: [DirectoryController, AdminDirectoryController] })
export class DirectoryApiModule {}
