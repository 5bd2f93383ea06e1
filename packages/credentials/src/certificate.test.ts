import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { COMPONENT_EVIDENCE_GENRE, renderCertificatePdf } from '#certificate.ts';
import { trainingCertificateInput, weldingRobotCredentialInput } from '#fixtures.ts';

// jsqr's CommonJS export is the function itself; its types describe an ES module with a default.
const jsQR = (
  typeof jsQRModule === 'function' ? jsQRModule : jsQRModule.default
) as typeof jsQRModule.default;

const verificationUrl = 'https://kmg.example.id/verifikasi/5f0c5a52-4c8e-4d7a-9b61-2f0a8c3e91d4';

function hasPoppler(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Rasterises page 1 with poppler and returns it as RGBA, for the QR decoder. */
function rasterise(pdf: Buffer): { data: Uint8ClampedArray; width: number; height: number } {
  const directory = mkdtempSync(join(tmpdir(), 'kmg-certificate-'));
  try {
    writeFileSync(join(directory, 'certificate.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-singlefile', 'certificate.pdf', 'page'], {
      cwd: directory,
    });
    // PGM (P5): "P5\n<width> <height>\n255\n" then one byte per pixel.
    const pgm = readFileSync(join(directory, 'page.pgm'));
    const header = pgm.toString('latin1', 0, 40).match(/^P5\s+(\d+)\s+(\d+)\s+255\s/);
    if (!header) throw new Error('unexpected pdftoppm output');
    const [, width, height] = header.map(Number) as [number, number, number];
    const pixels = pgm.subarray(header[0].length);
    const data = new Uint8ClampedArray(width * height * 4);
    pixels.forEach((value, index) => {
      data.set([value, value, value, 255], index * 4);
    });
    return { data, width, height };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('renderCertificatePdf', () => {
  it('renders one A4 landscape page', async () => {
    const pdf = await renderCertificatePdf({ input: weldingRobotCredentialInput, verificationUrl });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBe(1);
    const { width, height } = document.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([842, 595]);
    expect(document.getTitle()).toBe('Pengoperasian Robot Las Industri – Siti Nurhaliza Rahmawati');
  });

  it('prints learner, achievement, issuer, dates, workload, units with K/BK and the credential id in both languages', async () => {
    const pdf = await renderCertificatePdf({
      input: {
        ...weldingRobotCredentialInput,
        achievement: {
          ...weldingRobotCredentialInput.achievement,
          skkniUnits: weldingRobotCredentialInput.achievement.skkniUnits.map((unit, index) =>
            index === 2 ? { ...unit, result: 'BK' } : unit,
          ),
        },
      },
      verificationUrl,
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    for (const expected of [
      'Siti Nurhaliza Rahmawati',
      'SERTIFIKAT KREDENSIAL MIKRO',
      'Micro-credential Certificate',
      'Pengoperasian Robot Las Industri',
      'Industrial Welding Robot Operation',
      'PT Unggul Semesta',
      'Direktorat Sekolah Menengah Kejuruan',
      '3–7 November 2025',
      '40 jam · 1 SKS',
      '40 hours',
      'Jenjang 4',
      'C.282200.014.01',
      'K · Kompeten',
      'BK · Belum Kompeten',
      '7 November 2028',
      'urn:uuid:5f0c5a52-4c8e-4d7a-9b61-2f0a8c3e91d4',
      verificationUrl,
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('prints the branding it is given (logos, signatory, signature) and none without it', async () => {
    // A 1×1 PNG stands in for each picture: what matters is that each is placed.
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const branded = await renderCertificatePdf({
      input: weldingRobotCredentialInput,
      verificationUrl,
      branding: {
        programmeLogo: png,
        issuerLogo: png,
        signatory: { name: 'Ir. Hadi Purnomo, M.T.', position: 'Direktur Pelatihan', signature: png },
      },
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(branded)), { mergePages: true });
    expect(text).toContain('Ir. Hadi Purnomo, M.T.');
    expect(text).toContain('Direktur Pelatihan');
    const imagesIn = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Subtype\s*\/Image/g) ?? []).length;
    expect(imagesIn(branded)).toBeGreaterThanOrEqual(3);
    const plain = await renderCertificatePdf({ input: weldingRobotCredentialInput, verificationUrl });
    expect(imagesIn(plain)).toBe(0);
    const plainText = (await extractText(await getDocumentProxy(new Uint8Array(plain)), { mergePages: true }))
      .text;
    expect(plainText).not.toContain('Hadi Purnomo');
  });

  it("lists a pathway credential's components instead of units", async () => {
    const pdf = await renderCertificatePdf({
      input: {
        ...weldingRobotCredentialInput,
        evidence: [
          {
            id: 'https://kmg.example.id/verify/0194f0d2-0000-7000-8000-000000000001',
            name: 'Operator Robot Las Industri',
            description: 'Kredensial komponen; memenuhi syarat robot-las',
            genre: COMPONENT_EVIDENCE_GENRE,
          },
          {
            id: 'https://kmg.example.id/verify/0194f0d2-0000-7000-8000-000000000002',
            name: 'Inspektur Las Bengkel SMK',
            description: 'Kredensial komponen; memenuhi syarat inspektur-las',
            genre: COMPONENT_EVIDENCE_GENRE,
          },
        ],
      },
      verificationUrl,
    });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('KREDENSIAL KOMPONEN JALUR INI');
    expect(text).toContain('Operator Robot Las Industri');
    expect(text).toContain('Inspektur Las Bengkel SMK');
    expect(text).not.toContain('UNIT KOMPETENSI SKKNI');
  });

  it('titles a training-only certificate as a certificate of completion without results', async () => {
    const pdf = await renderCertificatePdf({ input: trainingCertificateInput, verificationUrl });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('SERTIFIKAT PELATIHAN');
    expect(text).toContain('Certificate of Completion');
    expect(text).toContain('Tanpa batas');
    expect(text).not.toContain('Kompeten');
  });

  it('keeps to one page with a long name and many units', async () => {
    const units = Array.from({ length: 14 }, (_, index) => ({
      code: `C.282200.${String(100 + index).padStart(3, '0')}.01`,
      title: `Unit kompetensi ke-${index + 1} dengan judul panjang yang harus dipotong agar muat dalam satu baris tabel`,
      url: 'https://kmg.example.id/referensi/skkni',
      result: 'K' as const,
    }));
    const pdf = await renderCertificatePdf({
      input: {
        ...weldingRobotCredentialInput,
        learner: {
          ...weldingRobotCredentialInput.learner,
          name: 'Raden Ayu Sekar Kinasih Wulandari Purbaningrum Sastrowardoyo, S.Pd., M.Pd.',
        },
        achievement: { ...weldingRobotCredentialInput.achievement, skkniUnits: units },
      },
      verificationUrl,
    });
    expect((await PDFDocument.load(pdf)).getPageCount()).toBe(1);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text).toContain('Sastrowardoyo');
    expect(text).toMatch(/dan \d+ unit lainnya/);
  });

  it.skipIf(!hasPoppler())('draws a QR code that scans to the verification URL', async () => {
    const pdf = await renderCertificatePdf({ input: weldingRobotCredentialInput, verificationUrl });
    const { data, width, height } = rasterise(pdf);
    expect(jsQR(data, width, height)?.data).toBe(verificationUrl);
  });
});
