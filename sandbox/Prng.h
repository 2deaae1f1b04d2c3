#pragma once
// Small deterministic PRNG for the synthetic data. std distributions are not portable across standard
// libraries, so we own both the generator (splitmix64) and every range mapping.
#include <cstdint>

namespace hearth::sandbox {

class Prng
{
public:
    explicit Prng(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // Integer in [lo, hi] (inclusive). Spans here are tiny, so the modulo bias (< 2^-40) is irrelevant.
    int range(int lo, int hi)
    {
        const auto span = static_cast<std::uint64_t>(hi - lo + 1);
        return lo + static_cast<int>(next() % span);
    }
    // Uniform double in [0, 1) from the top 53 bits.
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    bool chance(double p) { return unit() < p; }
    // Roughly normal noise with standard deviation 1 (Irwin-Hall of 3 uniforms): no libm involved.
    double noise() { return (unit() + unit() + unit() - 1.5) * 2.0; }

private:
    std::uint64_t m_state;
};

} // namespace hearth::sandbox
