import { defineConfig } from 'vitest/config';
import { databaseTestProjects } from './src/vitest-projects.ts';

export default defineConfig({ test: { projects: databaseTestProjects(), passWithNoTests: true } });
