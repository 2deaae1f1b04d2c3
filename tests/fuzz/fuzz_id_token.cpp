// An id_token and a JWKS document, both from the network: input = token, '\n', JWKS JSON. Every
// forged or broken token must be refused with an error value; nothing may crash or read out of bounds.
#include "auth/IdTokenVerifier.h"

#include <QDateTime>
#include <QTimeZone>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype split = input.indexOf('\n');
    const QByteArray token = split < 0 ? input : input.left(split);
    const QByteArray jwks = split < 0 ? QByteArray() : input.mid(split + 1);
    static const QDateTime now = QDateTime::fromSecsSinceEpoch(1795000000, QTimeZone::utc());
    (void)hearth::IdTokenVerifier::verify(token, jwks, QStringLiteral("http://127.0.0.1:8124/oauth2"),
                                          QStringLiteral("hearth"), QByteArrayLiteral("bm9uY2U"), now);
    return 0;
}
