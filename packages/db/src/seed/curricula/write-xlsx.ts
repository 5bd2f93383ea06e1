// Writes the D4 curriculum as the XLSX a university would upload, so the import's XLSX path is
// tested with a real workbook: numbers as number cells (33,3 becomes 33.3), each course's own
// cells merged over its CPMK rows. Run again after editing the CSV:
//   node packages/db/src/seed/curricula/write-xlsx.ts
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import writeExcelFile, { type Cell, type Row } from 'write-excel-file/node';

const source = new URL('d4-teknologi-rekayasa-manufaktur.csv', import.meta.url);
const target = new URL('d4-teknologi-rekayasa-manufaktur.xlsx', import.meta.url);

const [header = [], ...rows] = parse(await readFile(source), { bom: true, delimiter: ';' }) as string[][];
const courseColumns = new Set(['kode_mk', 'nama_mk', 'nama_mk_en', 'sks', 'semester', 'jenis']);
const numberColumns = new Set(['sks', 'semester', 'bobot']);

const sheet: Row[] = [header.map((name) => ({ value: name, fontWeight: 'bold' }))];
rows.forEach((row, index) => {
  const code = row[0];
  const isFirstOfCourse = rows[index - 1]?.[0] !== code;
  const span = isFirstOfCourse ? rows.slice(index).findIndex((next) => next[0] !== code) : 0;
  const rowSpan = span === -1 ? rows.length - index : span;
  sheet.push(
    header.map((name, column): Cell => {
      const text = row[column] ?? '';
      if (courseColumns.has(name) && !isFirstOfCourse) return null;
      const value = numberColumns.has(name) ? Number(text.replace(',', '.')) : text;
      return courseColumns.has(name) && rowSpan > 1 ? { value, rowSpan, alignVertical: 'top' } : { value };
    }),
  );
});

await writeExcelFile(sheet, { sheet: 'Kurikulum', stickyRowsCount: 1 }).toFile(fileURLToPath(target));
console.log(`${fileURLToPath(target)}: ${rows.length} rows`);
