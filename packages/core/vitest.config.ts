import { databaseTestProjects } from '@kmg/db/vitest-projects';
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { projects: databaseTestProjects(), passWithNoTests: true } });
