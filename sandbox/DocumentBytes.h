#pragma once
// Small, dependency-free builders for the bytes behind the sandbox's documents (Binary resources):
// a valid PDF with text, a grayscale PNG that looks like a scanned form, and a minimal DICOM Part 10 file.
// Everything is deterministic (no dates, no randomness beyond the seed given), so the same seed gives the
// same bytes on every machine.
#include <QByteArray>
#include <QString>
#include <QStringList>
#include <cstdint>

namespace hearth::sandbox {

// Wraps paragraphs ("" = blank line) to at most `width` characters per line.
QStringList wrapText(const QStringList &paragraphs, int width);

// A PDF 1.4 file: Helvetica text, a bold title, 48 lines a page, a correct xref table.
// Characters outside Latin-1 become '?'.
QByteArray buildPdf(const QString &title, const QStringList &lines);

// An 8-bit grayscale PNG (zlib from qCompress, CRC-32 computed here) of a form with boxes, ruled lines and
// pen strokes; `seed` varies the strokes and the paper grain.
QByteArray buildScannedFormPng(int width, int height, std::uint64_t seed);

// A minimal DICOM Part 10 file (preamble, DICM, file meta, a few study attributes, no pixel data).
QByteArray buildDicom(const QString &studyDescription, const QString &studyDate /* yyyyMMdd */, const QString &modality);

std::uint32_t crc32(const QByteArray &bytes);

} // namespace hearth::sandbox
