#include "auth/AuthCrypto.h"

#include <QCryptographicHash>
#include <QList>
#include <QRandomGenerator>

#include <openssl/crypto.h>

namespace hearth::authcrypto {

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> b64urlDecodeStrict(const QByteArray &text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    for (char c : text) {
        const bool okChar = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_';
        if (!okChar)
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding
                                                          | QByteArray::OmitTrailingEquals
                                                          | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded.decodingStatus != QByteArray::Base64DecodingStatus::Ok)
        return std::nullopt;
    // Re-encoding must give the same text: rejects non-zero trailing bits (several texts, one value).
    if (b64url(decoded.decoded) != text)
        return std::nullopt;
    return decoded.decoded;
}

QByteArray randomB64url(int bytes)
{
    // QRandomGenerator::system() is the OS CSPRNG (getrandom / /dev/urandom) and cannot fail quietly.
    QList<quint32> words((bytes + 3) / 4);
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    const QByteArray raw(reinterpret_cast<const char *>(words.constData()), bytes);
    return b64url(raw);
}

QByteArray sha256(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256);
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    if (a.isEmpty())
        return true;
    return CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

} // namespace hearth::authcrypto
