// Letters drawn in the app: the fixture PDF opens with Qt PDF from memory and renders a page with
// ink on it; the image provider serves PDF pages and pictures from the encrypted store by id.
#include "support/CatchQt.h"
#include "../domain/SectionsFixture.h"

#include "DocumentImageProvider.h"
#include "RecordRepository.h"
#include "SectionsRepository.h"
#include "SectionsViewModel.h"

#include <QBuffer>
#include <QImage>
#include <QPdfDocument>

using namespace hearth;
using namespace Qt::StringLiterals;

namespace {

QByteArray fixturePdf()
{
    QFile f(QStringLiteral(DOMAIN_FIXTURES_DIR "/discharge.pdf"));
    REQUIRE(f.open(QIODevice::ReadOnly));
    return f.readAll();
}

int darkPixels(const QImage &image)
{
    int dark = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            dark += qGray(image.pixel(x, y)) < 128 ? 1 : 0;
    return dark;
}

} // namespace

TEST_CASE("the fixture PDF opens with QPdfDocument from memory with at least one page")
{
    QByteArray bytes = fixturePdf();
    QBuffer buffer(&bytes);
    REQUIRE(buffer.open(QIODevice::ReadOnly));
    QPdfDocument doc;
    doc.load(&buffer);
    CHECK(doc.status() == QPdfDocument::Status::Ready);
    CHECK(doc.pageCount() >= 1);
    CHECK(DocumentImageProvider::pdfPageCount(bytes) == 1);
    CHECK(DocumentImageProvider::pdfPageCount("not a pdf") == 0);
}

TEST_CASE("a PDF page renders on white with the text drawn")
{
    const QImage page = DocumentImageProvider::renderPdfPage(fixturePdf(), 0, 400);
    REQUIRE_FALSE(page.isNull());
    CHECK(page.width() == 400);
    CHECK(page.height() == 200);   // the page is 200 x 100 points
    CHECK(qGray(page.pixel(2, 2)) > 240);
    CHECK(darkPixels(page) > 50);
    CHECK(DocumentImageProvider::renderPdfPage(fixturePdf(), 1, 400).isNull());
}

TEST_CASE("the image provider serves stored documents by id, offline")
{
    test::SectionsStore s;
    s.loadBundle(QStringLiteral(DOMAIN_FIXTURES_DIR "/sections-bundle.json"));
    s.putBinary(u"b-pdf"_s, u"application/pdf"_s, fixturePdf());
    QImage png(20, 10, QImage::Format_RGB32);
    png.fill(Qt::red);
    QByteArray pngBytes;
    QBuffer pngBuffer(&pngBytes);
    pngBuffer.open(QIODevice::WriteOnly);
    png.save(&pngBuffer, "PNG");
    s.putBinary(u"b-notstored"_s, u"image/png"_s, pngBytes);

    SectionsRepository sections(*s.store);
    RecordRepository record(*s.store);
    SectionsViewModel vm;
    vm.setPdfPageCounter(&DocumentImageProvider::pdfPageCount);
    vm.setRepositories(&sections, &record);
    CHECK(vm.document(u"d-discharge"_s).value(u"pageCount"_s).toInt() == 1);
    CHECK(vm.document(u"d-missing"_s).value(u"kind"_s).toString() == u"image"_s);

    DocumentImageProvider provider(vm);
    QSize size;
    const QImage pdfPage = provider.requestImage(u"d-discharge/0"_s, &size, QSize(300, -1));
    REQUIRE_FALSE(pdfPage.isNull());
    CHECK(size == QSize(300, 150));
    const QImage picture = provider.requestImage(u"d-missing/0"_s, &size, QSize());
    REQUIRE_FALSE(picture.isNull());
    CHECK(picture.size() == QSize(20, 10));
    CHECK(picture.pixelColor(5, 5) == QColor(Qt::red));
    CHECK(provider.requestImage(u"d-letter/0"_s, &size, QSize()).isNull());   // text is not an image
    CHECK(provider.requestImage(u"unknown/0"_s, &size, QSize()).isNull());
}
