/* The engine's own maths: exp, log, log1p, sin, cos, the sine and cosine of a turn, atan2 and pow,
   written with fixed operations in a fixed order, so their bits are the same
   on every machine (glibc, musl and macOS's libm differ in the last bit, and
   glibc's maths changed in 2.28). Built with -ffp-contract=off: the compiler
   forms no fused multiply-add, and nothing here calls the C library's maths.

   The method throughout: reduce the argument exactly (or into a pair of
   doubles, hi + lo), sum the large terms of a Taylor series in double-double
   arithmetic (Dekker's exact products, Knuth's exact sums) and the small tail
   in plain doubles, and round once at the end. The tail's rounding errors are
   a small fraction of the last bit, so each function is within 1 ULP
   (EngineTests/PortableMathsTests measures the largest error over 10^6
   arguments against the platform's function; the README has the table).
   Constants come from tools/maths_constants.py (mpmath, 400 digits). */
#include "ckernels.h"
#include <stdint.h>
#include <string.h>

static const double LN2_HI = 0x1.62e42fefa3800p-1;   /* 42 bits: k * LN2_HI is exact for |k| < 2^11 */
static const double LN2_LO = 0x1.ef35793c76730p-45;
static const double PIO2_1 = 0x1.921fb54400000p+0, PIO2_2 = 0x1.0b4611a600000p-34, PIO2_3 = 0x1.3198a2e000000p-69;   /* 33 bits each */
static const double PIO2_3T = 0x1.b839a252049c1p-104;
static const double TWO_OVER_PI = 0x1.45f306dc9c883p-1;
static const double PIO2_H = 0x1.921fb54442d18p+0, PIO2_L = 0x1.1a62633145c07p-54;
static const double PI_H = 0x1.921fb54442d18p+1, PI_L = 0x1.1a62633145c07p-53;
static const double ATAN_HALF_H = 0x1.dac670561bb4fp-2, ATAN_HALF_L = 0x1.a2b7f222f65e2p-56;
static const double ATAN_ONE_H = 0x1.921fb54442d18p-1, ATAN_ONE_L = 0x1.1a62633145c07p-55;
static const double ATAN_TWO_H = 0x1.1b6e192ebbe44p+0, ATAN_TWO_L = 0x1.b1b466a88828ep-54;
static const double ATAN_FOUR_H = 0x1.5368c951e9cfdp+0, ATAN_FOUR_L = -0x1.96f47948a99f1p-54;
/* 2/π = Σ b_i 2^-i: word w holds bits 64w + 1 … 64w + 64, the first in its top bit. */
static const uint64_t TWO_OVER_PI_BITS[20] = {
    0xa2f9836e4e441529ULL, 0xfc2757d1f534ddc0ULL, 0xdb6295993c439041ULL, 0xfe5163abdebbc561ULL,
    0xb7246e3a424dd2e0ULL, 0x06492eea09d1921cULL, 0xfe1deb1cb129a73eULL, 0xe88235f52ebb4484ULL,
    0xe99c7026b45f7e41ULL, 0x3991d639835339f4ULL, 0x9c845f8bbdf9283bULL, 0x1ff897ffde05980fULL,
    0xef2f118b5a0a6d1fULL, 0x6d367ecf27cb09b7ULL, 0x4f463f669e5fea2dULL, 0x7527bac7ebe5f17bULL,
    0x3d0739f78a5292eaULL, 0x6bfb5fb11f8d5d08ULL, 0x56033046fc7b6babULL, 0xf0cfbc209af4361dULL,
};
/* exp: 2^(j/128) as pairs; log: 1/c_i, −log(1/c_i) as a pair for c_i = 1 + (i − 38)/128. */
static const double EXP_TABLE[128][2] = {
    {0x1.0000000000000p+0, 0x0.0p+0},
    {0x1.0163da9fb3335p+0, 0x1.b61299ab8cdb7p-54},
    {0x1.02c9a3e778061p+0, -0x1.19083535b085dp-56},
    {0x1.04315e86e7f85p+0, -0x1.0a31c1977c96ep-54},
    {0x1.059b0d3158574p+0, 0x1.d73e2a475b465p-55},
    {0x1.0706b29ddf6dep+0, -0x1.c91dfe2b13c27p-55},
    {0x1.0874518759bc8p+0, 0x1.186be4bb284ffp-57},
    {0x1.09e3ecac6f383p+0, 0x1.1487818316136p-54},
    {0x1.0b5586cf9890fp+0, 0x1.8a62e4adc610bp-54},
    {0x1.0cc922b7247f7p+0, 0x1.01edc16e24f71p-54},
    {0x1.0e3ec32d3d1a2p+0, 0x1.03a1727c57b53p-59},
    {0x1.0fb66affed31bp+0, -0x1.b9bedc44ebd7bp-57},
    {0x1.11301d0125b51p+0, -0x1.6c51039449b3ap-54},
    {0x1.12abdc06c31ccp+0, -0x1.1b514b36ca5c7p-58},
    {0x1.1429aaea92de0p+0, -0x1.32fbf9af1369ep-54},
    {0x1.15a98c8a58e51p+0, 0x1.2406ab9eeab0ap-55},
    {0x1.172b83c7d517bp+0, -0x1.19041b9d78a76p-55},
    {0x1.18af9388c8deap+0, -0x1.11023d1970f6cp-54},
    {0x1.1a35beb6fcb75p+0, 0x1.e5b4c7b4968e4p-55},
    {0x1.1bbe084045cd4p+0, -0x1.95386352ef607p-54},
    {0x1.1d4873168b9aap+0, 0x1.e016e00a2643cp-54},
    {0x1.1ed5022fcd91dp+0, -0x1.1df98027bb78cp-54},
    {0x1.2063b88628cd6p+0, 0x1.dc775814a8495p-55},
    {0x1.21f49917ddc96p+0, 0x1.2a97e9494a5eep-55},
    {0x1.2387a6e756238p+0, 0x1.9b07eb6c70573p-54},
    {0x1.251ce4fb2a63fp+0, 0x1.ac155bef4f4a4p-55},
    {0x1.26b4565e27cddp+0, 0x1.2bd339940e9d9p-55},
    {0x1.284dfe1f56381p+0, -0x1.a4c3a8c3f0d7ep-54},
    {0x1.29e9df51fdee1p+0, 0x1.612e8afad1255p-55},
    {0x1.2b87fd0dad990p+0, -0x1.10adcd6381aa4p-59},
    {0x1.2d285a6e4030bp+0, 0x1.0024754db41d5p-54},
    {0x1.2ecafa93e2f56p+0, 0x1.1ca0f45d52383p-56},
    {0x1.306fe0a31b715p+0, 0x1.6f46ad23182e4p-55},
    {0x1.32170fc4cd831p+0, 0x1.a9ce78e18047cp-55},
    {0x1.33c08b26416ffp+0, 0x1.32721843659a6p-54},
    {0x1.356c55f929ff1p+0, -0x1.b5cee5c4e4628p-55},
    {0x1.371a7373aa9cbp+0, -0x1.63aeabf42eae2p-54},
    {0x1.38cae6d05d866p+0, -0x1.e958d3c9904bdp-54},
    {0x1.3a7db34e59ff7p+0, -0x1.5e436d661f5e3p-56},
    {0x1.3c32dc313a8e5p+0, -0x1.efff8375d29c3p-54},
    {0x1.3dea64c123422p+0, 0x1.ada0911f09ebcp-55},
    {0x1.3fa4504ac801cp+0, -0x1.7d023f956f9f3p-54},
    {0x1.4160a21f72e2ap+0, -0x1.ef3691c309278p-58},
    {0x1.431f5d950a897p+0, -0x1.1c7dde35f7999p-55},
    {0x1.44e086061892dp+0, 0x1.89b7a04ef80d0p-59},
    {0x1.46a41ed1d0057p+0, 0x1.c944bd1648a76p-54},
    {0x1.486a2b5c13cd0p+0, 0x1.3c1a3b69062f0p-56},
    {0x1.4a32af0d7d3dep+0, 0x1.9cb62f3d1be56p-54},
    {0x1.4bfdad5362a27p+0, 0x1.d4397afec42e2p-56},
    {0x1.4dcb299fddd0dp+0, 0x1.8ecdbbc6a7833p-54},
    {0x1.4f9b2769d2ca7p+0, -0x1.4b309d25957e3p-54},
    {0x1.516daa2cf6642p+0, -0x1.f768569bd93efp-55},
    {0x1.5342b569d4f82p+0, -0x1.07abe1db13cadp-55},
    {0x1.551a4ca5d920fp+0, -0x1.d689cefede59bp-55},
    {0x1.56f4736b527dap+0, 0x1.9bb2c011d93adp-54},
    {0x1.58d12d497c7fdp+0, 0x1.295e15b9a1de8p-55},
    {0x1.5ab07dd485429p+0, 0x1.6324c054647adp-54},
    {0x1.5c9268a5946b7p+0, 0x1.c4b1b816986a2p-60},
    {0x1.5e76f15ad2148p+0, 0x1.ba6f93080e65ep-54},
    {0x1.605e1b976dc09p+0, -0x1.3e2429b56de47p-54},
    {0x1.6247eb03a5585p+0, -0x1.383c17e40b497p-54},
    {0x1.6434634ccc320p+0, -0x1.c483c759d8933p-55},
    {0x1.6623882552225p+0, -0x1.bb60987591c34p-54},
    {0x1.68155d44ca973p+0, 0x1.038ae44f73e65p-57},
    {0x1.6a09e667f3bcdp+0, -0x1.bdd3413b26456p-54},
    {0x1.6c012750bdabfp+0, -0x1.2895667ff0b0dp-56},
    {0x1.6dfb23c651a2fp+0, -0x1.bbe3a683c88abp-57},
    {0x1.6ff7df9519484p+0, -0x1.83c0f25860ef6p-55},
    {0x1.71f75e8ec5f74p+0, -0x1.16e4786887a99p-55},
    {0x1.73f9a48a58174p+0, -0x1.0a8d96c65d53cp-54},
    {0x1.75feb564267c9p+0, -0x1.0245957316dd3p-54},
    {0x1.780694fde5d3fp+0, 0x1.866b80a02162dp-54},
    {0x1.7a11473eb0187p+0, -0x1.41577ee04992fp-55},
    {0x1.7c1ed0130c132p+0, 0x1.f124cd1164dd6p-54},
    {0x1.7e2f336cf4e62p+0, 0x1.05d02ba15797ep-56},
    {0x1.80427543e1a12p+0, -0x1.27c86626d972bp-54},
    {0x1.82589994cce13p+0, -0x1.d4c1dd41532d8p-54},
    {0x1.8471a4623c7adp+0, -0x1.8d684a341cdfbp-55},
    {0x1.868d99b4492edp+0, -0x1.fc6f89bd4f6bap-54},
    {0x1.88ac7d98a6699p+0, 0x1.994c2f37cb53ap-54},
    {0x1.8ace5422aa0dbp+0, 0x1.6e9f156864b27p-54},
    {0x1.8cf3216b5448cp+0, -0x1.0d55e32e9e3aap-56},
    {0x1.8f1ae99157736p+0, 0x1.5cc13a2e3976cp-55},
    {0x1.9145b0b91ffc6p+0, -0x1.dd6792e582524p-54},
    {0x1.93737b0cdc5e5p+0, -0x1.75fc781b57ebcp-57},
    {0x1.95a44cbc8520fp+0, -0x1.64b7c96a5f039p-56},
    {0x1.97d829fde4e50p+0, -0x1.d185b7c1b85d1p-54},
    {0x1.9a0f170ca07bap+0, -0x1.173bd91cee632p-54},
    {0x1.9c49182a3f090p+0, 0x1.c7c46b071f2bep-56},
    {0x1.9e86319e32323p+0, 0x1.824ca78e64c6ep-56},
    {0x1.a0c667b5de565p+0, -0x1.359495d1cd533p-54},
    {0x1.a309bec4a2d33p+0, 0x1.6305c7ddc36abp-54},
    {0x1.a5503b23e255dp+0, -0x1.d2f6edb8d41e1p-54},
    {0x1.a799e1330b358p+0, 0x1.bcb7ecac563c7p-54},
    {0x1.a9e6b5579fdbfp+0, 0x1.0fac90ef7fd31p-54},
    {0x1.ac36bbfd3f37ap+0, -0x1.f9234cae76cd0p-55},
    {0x1.ae89f995ad3adp+0, 0x1.7a1cd345dcc81p-54},
    {0x1.b0e07298db666p+0, -0x1.bdef54c80e425p-54},
    {0x1.b33a2b84f15fbp+0, -0x1.2805e3084d708p-57},
    {0x1.b59728de5593ap+0, -0x1.c71dfbbba6de3p-54},
    {0x1.b7f76f2fb5e47p+0, -0x1.5584f7e54ac3bp-56},
    {0x1.ba5b030a1064ap+0, -0x1.efcd30e54292ep-54},
    {0x1.bcc1e904bc1d2p+0, 0x1.23dd07a2d9e84p-55},
    {0x1.bf2c25bd71e09p+0, -0x1.efdca3f6b9c73p-54},
    {0x1.c199bdd85529cp+0, 0x1.11065895048ddp-55},
    {0x1.c40ab5fffd07ap+0, 0x1.b4537e083c60ap-54},
    {0x1.c67f12e57d14bp+0, 0x1.2884dff483cadp-54},
    {0x1.c8f6d9406e7b5p+0, 0x1.1acbc48805c44p-56},
    {0x1.cb720dcef9069p+0, 0x1.503cbd1e949dbp-56},
    {0x1.cdf0b555dc3fap+0, -0x1.dd83b53829d72p-55},
    {0x1.d072d4a07897cp+0, -0x1.cbc3743797a9cp-54},
    {0x1.d2f87080d89f2p+0, -0x1.d487b719d8578p-54},
    {0x1.d5818dcfba487p+0, 0x1.2ed02d75b3707p-55},
    {0x1.d80e316c98398p+0, -0x1.11ec18beddfe8p-54},
    {0x1.da9e603db3285p+0, 0x1.c2300696db532p-54},
    {0x1.dd321f301b460p+0, 0x1.2da5778f018c3p-54},
    {0x1.dfc97337b9b5fp+0, -0x1.1a5cd4f184b5cp-54},
    {0x1.e264614f5a129p+0, -0x1.7b627817a1496p-54},
    {0x1.e502ee78b3ff6p+0, 0x1.39e8980a9cc8fp-55},
    {0x1.e7a51fbc74c83p+0, 0x1.2d522ca0c8de2p-54},
    {0x1.ea4afa2a490dap+0, -0x1.e9c23179c2893p-54},
    {0x1.ecf482d8e67f1p+0, -0x1.c93f3b411ad8cp-54},
    {0x1.efa1bee615a27p+0, 0x1.dc7f486a4b6b0p-54},
    {0x1.f252b376bba97p+0, 0x1.3a1a5bf0d8e43p-54},
    {0x1.f50765b6e4540p+0, 0x1.9d3e12dd8a18bp-54},
    {0x1.f7bfdad9cbe14p+0, -0x1.dbb12d006350ap-54},
    {0x1.fa7c1819e90d8p+0, 0x1.74853f3a5931ep-55},
    {0x1.fd3c22b8f71f1p+0, 0x1.2eb74966579e7p-57},
};
static const double LN2_128_HI = 0x1.62e42fefc0000p-8, LN2_128_LO = -0x1.c610ca86c3899p-44;
static const double INV_LN2_128 = 0x1.71547652b82fep+7;
static const double LOG_TABLE[92][3] = {   /* 1/c, −log(1/c) hi, lo */
    {0x1.6c16c16c16c17p+0, -0x1.68ac83e9c6a15p-2, 0x1.acd8a9145ff44p-57},
    {0x1.6816816816817p+0, -0x1.5d5bddf595f31p-2, -0x1.d5f75b9a23ae4p-59},
    {0x1.642c8590b2164p+0, -0x1.522ae0738a3d7p-2, -0x1.3840b263acb43p-56},
    {0x1.6058160581606p+0, -0x1.4718dc271c41cp-2, -0x1.d8fb4c14c56eep-56},
    {0x1.5c9882b931057p+0, -0x1.3c25277333183p-2, -0x1.152d81af5713ap-56},
    {0x1.58ed2308158edp+0, -0x1.314f1e1d35ce3p-2, -0x1.22966f61a3c23p-56},
    {0x1.5555555555555p+0, -0x1.269621134db91p-2, -0x1.e0efadd9db02ap-56},
    {0x1.51d07eae2f815p+0, -0x1.1bf99635a6b95p-2, 0x1.e9575c2124912p-56},
    {0x1.4e5e0a72f0539p+0, -0x1.1178e8227e47ap-2, -0x1.b8ce2d07f1cb7p-56},
    {0x1.4afd6a052bf5bp+0, -0x1.07138604d5864p-2, 0x1.24e912b16ec8bp-60},
    {0x1.47ae147ae147bp+0, -0x1.f991c6cb3b37ap-3, -0x1.ecca0cdf30143p-58},
    {0x1.446f86562d9fbp+0, -0x1.e530effe71013p-3, 0x1.f7627ef82f3f0p-57},
    {0x1.4141414141414p+0, -0x1.d1037f2655e7bp-3, 0x1.3f3adb7b71cbcp-58},
    {0x1.3e22cbce4a902p+0, -0x1.bd087383bd8aap-3, 0x1.1165504ad749ep-59},
    {0x1.3b13b13b13b14p+0, -0x1.a93ed3c8ad9e5p-3, -0x1.bcafa9de97202p-57},
    {0x1.3813813813814p+0, -0x1.95a5adcf70182p-3, -0x1.8a16283fdbd1cp-57},
    {0x1.3521cfb2b78c1p+0, -0x1.823c16551a3c0p-3, -0x1.6dcd318f4187ep-57},
    {0x1.323e34a2b10bfp+0, -0x1.6f0128b756ab9p-3, 0x1.37967087859b9p-59},
    {0x1.2f684bda12f68p+0, -0x1.5bf406b543db0p-3, 0x1.1f5b44c0df7f7p-61},
    {0x1.2c9fb4d812ca0p+0, -0x1.4913d8333b563p-3, 0x1.0d5604930f137p-58},
    {0x1.29e4129e4129ep+0, -0x1.365fcb0159014p-3, -0x1.bea08d2dca256p-57},
    {0x1.27350b8812735p+0, -0x1.23d712a49c201p-3, -0x1.51c7e9efae297p-57},
    {0x1.2492492492492p+0, -0x1.1178e8227e47ap-3, 0x1.0e63a5f01c693p-58},
    {0x1.21fb78121fb78p+0, -0x1.fe89139dbd565p-4, 0x1.ac9f4215f9394p-58},
    {0x1.1f7047dc11f70p+0, -0x1.da7276384469ep-4, -0x1.401fa71733017p-58},
    {0x1.1cf06ada2811dp+0, -0x1.b6ac88dad5b1dp-4, 0x1.002bf768e52d0p-58},
    {0x1.1a7b9611a7b96p+0, -0x1.9335e5d594988p-4, 0x1.478a85704ccb7p-58},
    {0x1.1811811811812p+0, -0x1.700d30aeac0e8p-4, -0x1.a36a677b4c8b2p-59},
    {0x1.15b1e5f75270dp+0, -0x1.4d3115d207eacp-4, -0x1.da7d0b1e10b2fp-60},
    {0x1.135c81135c811p+0, -0x1.2aa04a44717a1p-4, -0x1.aea2c72d05c08p-58},
    {0x1.1111111111111p+0, -0x1.08598b59e3a06p-4, 0x1.dd7009902bf32p-58},
    {0x1.0ecf56be69c90p+0, -0x1.ccb73cdddb2d0p-5, 0x1.e48fb0500efd5p-59},
    {0x1.0c9714fbcda3bp+0, -0x1.894aa149fb34bp-5, 0x1.2ba0b44cfaee5p-59},
    {0x1.0a6810a6810a7p+0, -0x1.466aed42de3f9p-5, 0x1.9badefe942718p-60},
    {0x1.0842108421084p+0, -0x1.0415d89e74440p-5, -0x1.c05cf1d753621p-59},
    {0x1.0624dd2f1a9fcp+0, -0x1.8492528c8cac5p-6, 0x1.d192d0619fa68p-60},
    {0x1.0410410410410p+0, -0x1.0205658935837p-6, -0x1.27c8e8416e717p-60},
    {0x1.0204081020408p+0, -0x1.010157588de69p-7, -0x1.46662d417cecep-62},
    {0x1.0000000000000p+0, 0x0.0p+0, 0x0.0p+0},
    {0x1.fc07f01fc07f0p-1, 0x1.fe02a6b106799p-8, -0x1.e44b7e3711e7fp-67},
    {0x1.f81f81f81f820p-1, 0x1.fc0a8b0fc03c4p-7, -0x1.83092c5964281p-62},
    {0x1.f44659e4a4271p-1, 0x1.7b91b07d5b126p-6, -0x1.6d80ab38e9430p-62},
    {0x1.f07c1f07c1f08p-1, 0x1.f829b0e7832f8p-6, 0x1.33e3f04f1ef25p-60},
    {0x1.ecc07b301ecc0p-1, 0x1.39e87b9febd68p-5, -0x1.5bfa937f551b7p-59},
    {0x1.e9131abf0b767p-1, 0x1.77458f632dcffp-5, 0x1.8d3ca87b92968p-63},
    {0x1.e573ac901e574p-1, 0x1.b42dd711971b9p-5, 0x1.0a34531f67db5p-59},
    {0x1.e1e1e1e1e1e1ep-1, 0x1.f0a30c01162a8p-5, 0x1.85f325c5bbacdp-59},
    {0x1.de5d6e3f8868ap-1, 0x1.16536eea37ae3p-4, 0x1.2189705cf74cap-58},
    {0x1.dae6076b981dbp-1, 0x1.341d7961bd1d0p-4, -0x1.3599f227becbbp-58},
    {0x1.d77b654b82c34p-1, 0x1.51b073f06183cp-4, -0x1.5b61c65e5741ap-58},
    {0x1.d41d41d41d41dp-1, 0x1.6f0d28ae56b4ep-4, -0x1.20db323097324p-59},
    {0x1.d0cb58f6ec074p-1, 0x1.8c345d6319b23p-4, -0x1.294d2f5668495p-58},
    {0x1.cd85689039b0bp-1, 0x1.a926d3a4ad562p-4, -0x1.d7a16eab1e2adp-59},
    {0x1.ca4b3055ee191p-1, 0x1.c5e548f5bc743p-4, 0x1.2eb0bf7c0b0d9p-59},
    {0x1.c71c71c71c71cp-1, 0x1.e27076e2af2eap-4, -0x1.61578001e015ap-60},
    {0x1.c3f8f01c3f8f0p-1, 0x1.fec9131dbeabcp-4, -0x1.5746b9981b36cp-58},
    {0x1.c0e070381c0e0p-1, 0x1.0d77e7cd08e5bp-3, 0x1.9a5dc5e9030adp-57},
    {0x1.bdd2b899406f7p-1, 0x1.1b72ad52f67a2p-3, -0x1.fbe7ee5c69946p-57},
    {0x1.bacf914c1bad0p-1, 0x1.29552f81ff521p-3, 0x1.301771c407dc0p-57},
    {0x1.b7d6c3dda338bp-1, 0x1.371fc201e8f75p-3, 0x1.e6cb62af18a02p-62},
    {0x1.b4e81b4e81b4fp-1, 0x1.44d2b6ccb7d1cp-3, 0x1.7d3d950f87e23p-59},
    {0x1.b2036406c80d9p-1, 0x1.526e5e3a1b438p-3, -0x1.546ff8a470d3ap-57},
    {0x1.af286bca1af28p-1, 0x1.5ff3070a793d6p-3, -0x1.bc60efafc6f6cp-58},
    {0x1.ac5701ac5701bp-1, 0x1.6d60fe719d21bp-3, 0x1.d551d97132e87p-57},
    {0x1.a98ef606a63bep-1, 0x1.7ab890210d907p-3, -0x1.1072534a57e7dp-57},
    {0x1.a6d01a6d01a6dp-1, 0x1.87fa06520c911p-3, -0x1.9f7fdbfa08d9ap-57},
    {0x1.a41a41a41a41ap-1, 0x1.9525a9cf456b6p-3, -0x1.26fb3e2b1d1dap-57},
    {0x1.a16d3f97a4b02p-1, 0x1.a23bc1fe2b561p-3, 0x1.24dc46c1ea664p-57},
    {0x1.9ec8e951033d9p-1, 0x1.af3c94e80bff3p-3, 0x1.a3398064df33ep-57},
    {0x1.9c2d14ee4a102p-1, 0x1.bc286742d8cd4p-3, 0x1.cfce744870f57p-58},
    {0x1.999999999999ap-1, 0x1.c8ff7c79a9a20p-3, -0x1.4f689f8434011p-57},
    {0x1.970e4f80cb872p-1, 0x1.d5c216b4fbb94p-3, -0x1.a37794d03657dp-58},
    {0x1.948b0fcd6e9e0p-1, 0x1.e27076e2af2e8p-3, -0x1.61578001e015ep-59},
    {0x1.920fb49d0e229p-1, 0x1.ef0adcbdc5935p-3, 0x1.e8637950dc20dp-57},
    {0x1.8f9c18f9c18fap-1, 0x1.fb9186d5e3e29p-3, 0x1.355519b0de535p-57},
    {0x1.8d3018d3018d3p-1, 0x1.0402594b4d041p-2, -0x1.08ec217a5022dp-57},
    {0x1.8acb90f6bf3aap-1, 0x1.0a324e27390e2p-2, 0x1.bdcfde8061c03p-56},
    {0x1.886e5f0abb04ap-1, 0x1.1058bf9ae4ad4p-2, 0x1.3f415699663ecp-63},
    {0x1.8618618618618p-1, 0x1.1675cababa60fp-2, 0x1.ce63eab883727p-61},
    {0x1.83c977ab2beddp-1, 0x1.1c898c16999fbp-2, 0x1.9f1a39d500e3cp-56},
    {0x1.8181818181818p-1, 0x1.22941fbcf7966p-2, -0x1.dbd7ac258a2bdp-58},
    {0x1.7f405fd017f40p-1, 0x1.2895a13de86a4p-2, 0x1.7ad24c13f040fp-56},
    {0x1.7d05f417d05f4p-1, 0x1.2e8e2bae11d31p-2, -0x1.1e99b72bd7bf2p-57},
    {0x1.7ad2208e0ecc3p-1, 0x1.347dd9a987d56p-2, -0x1.16ea62c048cfbp-56},
    {0x1.78a4c8178a4c8p-1, 0x1.3a64c556945eap-2, 0x1.cbcd735d03424p-60},
    {0x1.767dce434a9b1p-1, 0x1.404308686a7e4p-2, -0x1.f79f6c1059cdbp-57},
    {0x1.745d1745d1746p-1, 0x1.4618bc21c5ec2p-2, -0x1.7a42642661c62p-61},
    {0x1.724287f46debcp-1, 0x1.4be5f957778a1p-2, -0x1.4b366b609027ap-58},
    {0x1.702e05c0b8170p-1, 0x1.51aad872df82ep-2, -0x1.d8db0a7cc1543p-56},
    {0x1.6e1f76b4337c7p-1, 0x1.5767717455a6cp-2, -0x1.fb2a49af933e8p-57},
    {0x1.6c16c16c16c17p-1, 0x1.5d1bdbf5809cap-2, -0x1.7dc9c7c23801fp-56},
    {0x1.6a13cd1537290p-1, 0x1.62c82f2b9c796p-2, -0x1.090a0dd59fe35p-58},
};

/* ---- bits and exact arithmetic ------------------------------------------------ */

static inline uint64_t bits_of(double x) { uint64_t u; memcpy(&u, &x, 8); return u; }
static inline double from_bits(uint64_t u) { double x; memcpy(&x, &u, 8); return x; }
/* 2^k for -1022 ≤ k ≤ 1023. */
static inline double pow2(int k) { return from_bits((uint64_t)(k + 1023) << 52); }
static inline int is_nan(double x) { return (bits_of(x) & 0x7fffffffffffffffULL) > 0x7ff0000000000000ULL; }
static inline int is_inf(double x) { return (bits_of(x) & 0x7fffffffffffffffULL) == 0x7ff0000000000000ULL; }
static inline double abs_of(double x) { return from_bits(bits_of(x) & 0x7fffffffffffffffULL); }
#define INF (from_bits(0x7ff0000000000000ULL))

/* s + e = a + b exactly (Knuth), any a, b. */
static inline void two_sum(double a, double b, double *s, double *e) {
    double t = a + b, bb = t - a;
    *s = t;
    *e = (a - (t - bb)) + (b - bb);
}
/* s + e = a + b exactly when |a| ≥ |b| (or a = 0). */
static inline void fast_two_sum(double a, double b, double *s, double *e) {
    double t = a + b;
    *s = t;
    *e = b - (t - a);
}
/* p + e = a · b exactly (Dekker's split at 2^27 + 1), for |a|, |b| < 2^995. */
static inline void split(double a, double *hi, double *lo) {
    double c = 134217729.0 * a;
    double h = c - (c - a);
    *hi = h;
    *lo = a - h;
}
static inline void two_prod(double a, double b, double *p, double *e) {
    double ah, al, bh, bl;
    double t = a * b;
    split(a, &ah, &al);
    split(b, &bh, &bl);
    *p = t;
    *e = ((ah * bh - t) + ah * bl + al * bh) + al * bl;
}

/* ---- exp -------------------------------------------------------------------------- */

/* e^(ah + al) for |al| ≤ 2^-50 |ah| and -746 < ah < 710: k = round(ah · 128/ln 2)
   = 128 m + j, r = ah + al − k ln 2/128 as hi + lo (|r| ≤ 0.0028), and
   e^x = 2^m · 2^(j/128) · e^r with 2^(j/128) a pair from the table and
   e^r − 1 = r + r²/2 + … + r⁶/6! in doubles (it is at most 0.28 % of the
   value, so its rounding is a small fraction of the last bit), summed onto
   the table's pair and rounded once. */
static inline __attribute__((always_inline)) double exp_table_part(double ah, double al, int *mp) {
    const double magic = 6755399441055744.0;            /* 1.5 · 2^52: adding it rounds to an integer */
    double kd = (ah * INV_LN2_128 + magic) - magic;
    int k = (int)kd;
    int j = k & 127, m = (k - j) / 128;
    double hi = ah - kd * LN2_128_HI;                    /* exact: kd·LN2_128_HI has ≤ 53 bits, and Sterbenz */
    double lo = al - kd * LN2_128_LO;
    double rh, rl;
    two_sum(hi, lo, &rh, &rl);
    double p = 1.0 / 720.0;
    p = p * rh + 1.0 / 120.0;
    p = p * rh + 1.0 / 24.0;
    p = p * rh + 1.0 / 6.0;
    p = p * rh + 0.5;
    double em1 = rh + ((rh * rh) * p + rl);              /* e^r − 1 */
    double th = EXP_TABLE[j][0], tl = EXP_TABLE[j][1];
    *mp = m;
    return th + (tl + (th * em1 + tl * em1));
}

/* e^(ah + al) = 2^m · y (exp_table_part), as above. */
static inline __attribute__((always_inline)) double exp_pair(double ah, double al) {
    int m;
    double y = exp_table_part(ah, al, &m);
    /* times 2^m: in two factors near the ends of the range, the last one rounding into subnormals. */
    if (m > 1020) return (y * pow2(m - 1000)) * pow2(1000);
    if (m < -1020) return (y * pow2(m + 1000)) * pow2(-1000);
    return y * pow2(m);
}

double demystify_exp(double x) {
    if (is_nan(x)) return x + x;
    if (x > 709.782712893384) return INF;
    if (x < -745.1332191019412) return 0.0;
    if (abs_of(x) < 0x1p-54) return 1.0 + x;
    return exp_pair(x, 0.0);
}

/* ---- log ---------------------------------------------------------------------------- */

/* log x = e ln 2 + log m as hi + lo (relative error below 2^-66), for
   x = 2^e m with √½ ≤ m < √2 (log_pair below finds e and m): the nearest
   centre c = 1 + (i − 38)/128 from the table, r = m/c − 1 exactly as a pair
   (m times the stored 1/c by Dekker's exact product; |r| ≤ 0.0056), and
   log m = −log(1/c) + log(1 + r), log(1 + r) = r − r²/2 + … + r⁹/9 with the
   terms after r in doubles. At c = 1 (m near 1) the table adds nothing, so
   small logarithms keep their relative accuracy. */
static inline __attribute__((always_inline)) void log_pair_of(double m, double ed, double *hi, double *lo) {
    const double magic = 6755399441055744.0;
    double id = ((m - 1.0) * 128.0 + magic) - magic;     /* round((m − 1)·128), in −37 … 53 */
    int i = (int)id + 38;
    double inv = LOG_TABLE[i][0], ch = LOG_TABLE[i][1], cl = LOG_TABLE[i][2];
    double p, pe;
    two_prod(m, inv, &p, &pe);
    double rh0 = p - 1.0;                                /* exact (Sterbenz) */
    double rh, rl;
    fast_two_sum(rh0, pe, &rh, &rl);                     /* r = m/c − 1 = rh + rl */
    /* q = 1/2 − r/3 + r²/4 − … − r⁷/9 by Estrin's scheme (pairs of terms in
       parallel, then r² and r⁴): a quarter of Horner's chain of dependent steps. */
    double r2 = rh * rh, r4 = r2 * r2;
    double q01 = 0.5 - rh * (1.0 / 3), q23 = 0.25 - rh * (1.0 / 5);
    double q45 = (1.0 / 6) - rh * (1.0 / 7), q67 = 0.125 - rh * (1.0 / 9);
    double q = (q01 + r2 * q23) + r4 * (q45 + r2 * q67);
    double tail = -r2 * q;                                /* −r²/2 + r³/3 − … */
    /* e ln 2 + (−log(1/c)) + r + tail: the heads summed exactly, the small parts after. */
    double a = ed * LN2_HI;                               /* exact */
    double s1, e1, s2, e2;
    two_sum(a, ch, &s1, &e1);
    two_sum(s1, rh, &s2, &e2);
    double low = ((((e1 + e2) + ed * LN2_LO) + cl) + (rl - rl * rh)) + tail;
    fast_two_sum(s2, low, hi, lo);
    /* s2 may be 0 (x = 1): then the pair is (low, 0), still right. */
}

/* x = 2^e m with √½ ≤ m < √2, for a normal x > 0 (exact; no branch, so a
   loop over it vectorises). */
static inline __attribute__((always_inline)) void split_exponent(double x, double *m, double *e) {
    uint64_t u = bits_of(x);
    double ed = (double)((int)(u >> 52) - 1023);
    double md = from_bits((u & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);   /* [1, 2) */
    int big = md > 1.4142135623730951;
    *m = big ? 0.5 * md : md;
    *e = big ? ed + 1.0 : ed;
}

/* log x for finite x > 0 as a pair: x = 2^e m, then log_pair_of. */
static void log_pair(double x, double *hi, double *lo) {
    double shift = 0;
    if (x < 0x1p-1022) { x *= 0x1p54; shift = -54; }   /* subnormal: scale (exact) */
    double m, e;
    split_exponent(x, &m, &e);
    log_pair_of(m, e + shift, hi, lo);
}

/* log(2^ed m) for √½ ≤ m < √2, as a pair. */
static inline double log_pair_core(double m, double ed) {
    double hi, lo;
    log_pair_of(m, ed, &hi, &lo);
    return hi;
}

double demystify_log(double x) {
    if (is_nan(x)) return x + x;
    if (x < 0) return (x - x) / (x - x);                 /* NaN */
    if (x == 0) return -INF;
    if (is_inf(x)) return x;
    double hi, lo;
    log_pair(x, &hi, &lo);
    return hi;
}

/* log(1 + x) = log(u + v) with u + v = 1 + x exactly = log u + log(1 + v/u). */
double demystify_log1p(double x) {
    if (is_nan(x)) return x + x;
    if (x < -1.0) return (x - x) / (x - x);
    if (x == -1.0) return -INF;
    if (is_inf(x)) return x;
    if (abs_of(x) < 0x1p-54) return x;                    /* x − x²/2 rounds to x */
    double u, v;
    if (abs_of(x) > 1.0) two_sum(x, 1.0, &u, &v); else two_sum(1.0, x, &u, &v);
    double hi, lo;
    log_pair(u, &hi, &lo);
    double c = v / u;                                     /* |c| ≤ 2^-53: log(1 + c) = c − c²/2 … */
    double s, e;
    two_sum(hi, c, &s, &e);
    return s + (e + lo);
}

/* ---- sin and cos ------------------------------------------------------------------ */

/* The bits b_s … b_(s+63) of 2/π as one word (bit i has weight 2^-i; bits
   with i ≤ 0 are 0). */
static inline uint64_t two_over_pi_word(int s) {
    if (s <= -63) return 0;
    if (s <= 0) return two_over_pi_word(1) >> (1 - s);
    int idx = (s - 1) / 64, off = (s - 1) % 64;
    if (idx >= 20) return 0;
    uint64_t w = TWO_OVER_PI_BITS[idx] << off;
    if (off && idx + 1 < 20) w |= TWO_OVER_PI_BITS[idx + 1] >> (64 - off);
    return w;
}

/* x = q π/2 + r for finite x, |r| ≤ π/4 (a little more after rounding), r as a
   pair; returns q mod 4. Below 2^20 π/2: Cody–Waite with π/2 in three 33-bit
   parts (each k·part exact). Above: Payne–Hanek with the bits of 2/π. */
static int reduce_quadrant(double x, double *rh, double *rl) {
    double ax = abs_of(x);
    if (ax <= 0.7853981633974483) { *rh = x; *rl = 0; return 0; }
    if (ax < 1647099.0) {                                 /* < 2^20 π/2 */
        const double magic = 6755399441055744.0;
        double kd = (x * TWO_OVER_PI + magic) - magic;
        double a = x - kd * PIO2_1;                       /* exact */
        double b = kd * PIO2_2;                           /* exact */
        double t, te;
        two_sum(a, -b, &t, &te);
        double c = kd * PIO2_3;                           /* exact */
        double w = (te - c) - kd * PIO2_3T;
        two_sum(t, w, rh, rl);
        return (int)((int64_t)kd & 3);
    }
    if (is_nan(x) || is_inf(x)) { *rh = x - x; *rl = 0; return 0; }
    /* x = M 2^E, M a 53-bit integer. x·2/π mod 8 = M·2^3·(0.b_s b_(s+1) …) with
       s = E − 2 (earlier bits give multiples of 8). 192 bits of that window. */
    uint64_t u = bits_of(ax);
    int E = (int)(u >> 52) - 1075;
    uint64_t M = (u & 0x000fffffffffffffULL) | 0x0010000000000000ULL;
    int s = E - 2;
    uint64_t w0 = two_over_pi_word(s), w1 = two_over_pi_word(s + 64), w2 = two_over_pi_word(s + 128);
    __uint128_t a2 = (__uint128_t)M * w2, a1 = (__uint128_t)M * w1, a0 = (__uint128_t)M * w0;
    uint64_t r0 = (uint64_t)a2;
    __uint128_t t = (__uint128_t)(uint64_t)a1 + (uint64_t)(a2 >> 64);
    uint64_t r1 = (uint64_t)t;
    t = (__uint128_t)(uint64_t)a0 + (uint64_t)(t >> 64) + (uint64_t)(a1 >> 64);
    uint64_t r2 = (uint64_t)t;
    /* P = M·window; x·2/π mod 8 = P / 2^189: quadrant bits 189…191, fraction below. */
    int q = (int)((r2 >> 61) & 7);
    __uint128_t frac = ((__uint128_t)((r2 << 3) | (r1 >> 61)) << 64) | ((r1 << 3) | (r0 >> 61));
    int negative = 0;
    if (frac >> 127) { frac = (~frac) + 1; negative = 1; q += 1; }   /* fraction ≥ ½: take 1 − f, next quadrant */
    if (frac == 0) { *rh = 0; *rl = 0; }
    else {
        int n = 0;
        while (!(frac >> 127)) { frac <<= 1; n++; }
        double fh = (double)(uint64_t)(frac >> 75) * pow2(-53 - n);
        double fl = (double)(uint64_t)((frac >> 22) & 0x1fffffffffffffULL) * pow2(-106 - n);
        /* r = f · π/2 as a pair. */
        double p, pe;
        two_prod(fh, PIO2_H, &p, &pe);
        pe += fh * PIO2_L + fl * PIO2_H;
        fast_two_sum(p, pe, rh, rl);
        if (negative) { *rh = -*rh; *rl = -*rl; }
    }
    if (x < 0) { *rh = -*rh; *rl = -*rl; q = -q; }
    return q & 3;
}

/* sin(rh + rl) for |rh| ≤ 0.8: r − r³/3! + … − r¹⁹/19!, with r and r³/3!
   summed as pairs (r³/3! is up to 11 % of the value) and rl's share of the
   derivative (rl cos r ≈ rl − rl r²/2) included. */
static inline __attribute__((always_inline)) double sin_kernel(double rh, double rl) {
    double z, ze, c, ce;
    two_prod(rh, rh, &z, &ze);
    two_prod(z, rh, &c, &ce);
    ce += ze * rh;                                        /* r³ = c + ce */
    double k = c / 6.0, p6, p6e;
    two_prod(k, 6.0, &p6, &p6e);
    double ke = (((c - p6) - p6e) + ce) / 6.0;            /* r³/6 = k + ke */
    double p = -1.0 / 121645100408832000.0;
    p = p * z + 1.0 / 355687428096000.0;
    p = p * z - 1.0 / 1307674368000.0;
    p = p * z + 1.0 / 6227020800.0;
    p = p * z - 1.0 / 39916800.0;
    p = p * z + 1.0 / 362880.0;
    p = p * z - 1.0 / 5040.0;
    p = p * z + 1.0 / 120.0;
    double tail = (z * c) * p;                            /* r⁵/5! − r⁷/7! + … */
    double s, e;
    fast_two_sum(rh, -k, &s, &e);
    return s + ((((e - ke) + rl) - 0.5 * z * rl) + tail);
}

/* cos(rh + rl) for |rh| ≤ 0.8: 1 − r²/2 (as pairs) + r⁴/4! − … + r²⁰/20!. */
static inline __attribute__((always_inline)) double cos_kernel(double rh, double rl) {
    double z, ze;
    two_prod(rh, rh, &z, &ze);
    double hz = 0.5 * z;
    double p = 1.0 / 2432902008176640000.0;
    p = p * z - 1.0 / 6402373705728000.0;
    p = p * z + 1.0 / 20922789888000.0;
    p = p * z - 1.0 / 87178291200.0;
    p = p * z + 1.0 / 479001600.0;
    p = p * z - 1.0 / 3628800.0;
    p = p * z + 1.0 / 40320.0;
    p = p * z - 1.0 / 720.0;
    p = p * z + 1.0 / 24.0;
    double tail = (z * z) * p;
    double s, e;
    two_sum(1.0, -hz, &s, &e);
    return s + (((e - 0.5 * ze) - rh * rl) + tail);
}

double demystify_sin(double x) {
    if (abs_of(x) < 0x1p-26) return x;                    /* x − x³/6 rounds to x; keeps −0 */
    double rh, rl;
    int q = reduce_quadrant(x, &rh, &rl);
    if (is_nan(rh)) return rh;
    switch (q) {
        case 0: return sin_kernel(rh, rl);
        case 1: return cos_kernel(rh, rl);
        case 2: return -sin_kernel(rh, rl);
        default: return -cos_kernel(rh, rl);
    }
}

double demystify_cos(double x) {
    double rh, rl;
    int q = reduce_quadrant(x, &rh, &rl);
    if (is_nan(rh)) return rh;
    switch (q) {
        case 0: return cos_kernel(rh, rl);
        case 1: return -sin_kernel(rh, rl);
        case 2: return -cos_kernel(rh, rl);
        default: return sin_kernel(rh, rl);
    }
}

/* cos 2πu and sin 2πu for 0 ≤ u < 1 (Box–Muller's angle): the turn is reduced
   exactly (4u − q is exact), so no rounding of 2πu comes first; the quadrant
   is chosen without a branch, so the Box–Muller loop below vectorises. */
static inline __attribute__((always_inline)) void turn_sincos(double u, double *sine, double *cosine) {
    double v = 4.0 * u;                                   /* exact */
    double qd = (v + 6755399441055744.0) - 6755399441055744.0;
    double f = v - qd;                                    /* exact, |f| ≤ ½ */
    double rh, rl, pe;
    two_prod(f, PIO2_H, &rh, &pe);
    pe += f * PIO2_L;
    fast_two_sum(rh, pe, &rh, &rl);
    double s = sin_kernel(rh, rl), c = cos_kernel(rh, rl);
    int odd = (qd == 1.0) | (qd == 3.0), neg = (qd == 2.0) | (qd == 3.0);   /* qd is 0 … 4; 4 is a whole turn */
    double sn = odd ? c : s, cs = odd ? -s : c;
    *sine = neg ? -sn : sn;
    *cosine = neg ? -cs : cs;
}

void demystify_sincos_turns(double u, double *sine, double *cosine) { turn_sincos(u, sine, cosine); }

/* ---- atan2 -------------------------------------------------------------------------- */

/* atan(zh + zl) for 0 ≤ zh, as a pair: atan z = atan c + atan t with
   t = (z − c)/(1 + zc), c ∈ {0, ½, 1, 2, 4} chosen so |t| ≤ ¼, or
   π/2 − atan(1/z) above 8; atan t = t − t³/3 + … − t²⁹/29. */
static void atan_pair(double zh, double zl, double *hi, double *lo) {
    double ch = 0, cl = 0, th, tl;
    if (zh > 8.0) {                                      /* atan z = π/2 + atan(−1/z) */
        double p, pe;
        th = -1.0 / zh;
        two_prod(th, zh, &p, &pe);                         /* th·z = −1 + small */
        tl = -((p + 1.0) + pe + th * zl) / zh;
        ch = PIO2_H; cl = PIO2_L;
    } else if (zh < 0.25) {
        th = zh; tl = zl;
    } else {
        double c;
        if (zh < 0.75) { c = 0.5; ch = ATAN_HALF_H; cl = ATAN_HALF_L; }
        else if (zh < 1.5) { c = 1.0; ch = ATAN_ONE_H; cl = ATAN_ONE_L; }
        else if (zh < 3.0) { c = 2.0; ch = ATAN_TWO_H; cl = ATAN_TWO_L; }
        else { c = 4.0; ch = ATAN_FOUR_H; cl = ATAN_FOUR_L; }
        double n = zh - c;                                 /* exact (Sterbenz) */
        double nl = zl;
        double dh, dl;
        two_sum(1.0, zh * c, &dh, &dl);                    /* zh·c is exact: c is a power of 2 */
        dl += zl * c;
        th = n / dh;
        double p, pe;
        two_prod(th, dh, &p, &pe);
        tl = ((((n - p) - pe) + nl) - th * dl) / dh;
    }
    double z = th * th;
    double r = 1.0 / 29;
    r = r * z - 1.0 / 27;
    r = r * z + 1.0 / 25;
    r = r * z - 1.0 / 23;
    r = r * z + 1.0 / 21;
    r = r * z - 1.0 / 19;
    r = r * z + 1.0 / 17;
    r = r * z - 1.0 / 15;
    r = r * z + 1.0 / 13;
    r = r * z - 1.0 / 11;
    r = r * z + 1.0 / 9;
    r = r * z - 1.0 / 7;
    r = r * z + 1.0 / 5;
    double rest = (z * z * th) * r;                      /* t⁵/5 − t⁷/7 + … */
    /* −t³/3 as a pair. */
    double q, qe, c3, c3e;
    two_prod(th, th, &q, &qe);
    two_prod(q, th, &c3, &c3e);
    c3e += qe * th;
    double k = -c3 / 3.0, ke;
    {   /* the remainder of −c3/3: −c3 − 3k exactly, over 3 */
        double p, pe;
        two_prod(k, 3.0, &p, &pe);
        ke = ((-c3 - p) - pe - c3e) / 3.0;
    }
    double s1, e1, s2, e2, s3, e3;
    two_sum(ch, th, &s1, &e1);
    two_sum(s1, k, &s2, &e2);
    double low = (((e1 + e2) + cl) + (tl - z * tl)) + ke + rest;
    two_sum(s2, low, &s3, &e3);
    *hi = s3; *lo = e3;
}

double demystify_atan2(double y, double x) {
    if (is_nan(x) || is_nan(y)) return x + y;
    int yneg = (bits_of(y) >> 63) != 0, xneg = (bits_of(x) >> 63) != 0;
    double ay = abs_of(y), ax = abs_of(x);
    double hi, lo;
    if (ay == 0) {                                       /* atan2(±0, +x) = ±0, atan2(±0, −x) = ±π */
        if (!xneg) return y;
        return yneg ? -PI_H : PI_H;
    }
    if (is_inf(ax) || is_inf(ay)) {
        double a;
        if (is_inf(ax) && is_inf(ay)) a = xneg ? 0x1.2d97c7f3321d2p+1 : ATAN_ONE_H;   /* 3π/4, π/4 */
        else if (is_inf(ax)) a = xneg ? PI_H : 0.0;
        else a = PIO2_H;
        return yneg ? -a : a;
    }
    if (ax == 0) return yneg ? -PIO2_H : PIO2_H;
    int ey = (int)(bits_of(ay) >> 52), ex = (int)(bits_of(ax) >> 52);   /* biased exponents */
    if (ey - ex > 60) {                                  /* z > 2^59: π/2 − 1/z */
        hi = PIO2_H; lo = PIO2_L - ax / ay;
    } else if (ex - ey > 60) {                           /* z < 2^-59: atan z = z */
        double z = ay / ax;                              /* rounded once, into subnormals if need be */
        if (!xneg) { return yneg ? -z : z; }
        hi = PI_H; lo = PI_L - z;
        double r = hi + lo;
        return yneg ? -r : r;
    } else {
        /* both times the same power of 2 (exact), the larger into [1, 2), so
           the exact product below neither overflows nor underflows */
        int big = ey > ex ? ey : ex;
        double scale = from_bits((uint64_t)(2046 - big) << 52);       /* 2^(1023 − (big − 1023)) */
        ay *= scale; ax *= scale;
        double zh = ay / ax, p, pe;
        two_prod(zh, ax, &p, &pe);
        double zl = ((ay - p) - pe) / ax;
        atan_pair(zh, zl, &hi, &lo);
    }
    if (xneg) {                                          /* π − atan z */
        double s, e;
        two_sum(PI_H, -hi, &s, &e);
        hi = s; lo = (e + PI_L) - lo;
    }
    double r = hi + lo;
    return yneg ? -r : r;
}

/* ---- pow ------------------------------------------------------------------------------ */

/* Whether y is an integer, and if so whether odd (|y| < 2^53). 0: not an integer, 1: even, 2: odd. */
static int integer_kind(double y) {
    double ay = abs_of(y);
    if (ay >= 0x1p53) return 1;
    double t = (ay + 0x1p52) - 0x1p52;                   /* round to an integer (ay < 2^52) */
    if (ay >= 0x1p52) t = ay;
    if (t != ay) return 0;
    double h = 0.5 * t;
    double th = (h + 0x1p52) - 0x1p52;
    if (h >= 0x1p52) th = h;
    return th == h ? 1 : 2;
}

/* x^y = e^(y log|x|) with log|x| as a pair and y·log|x| as a pair, so the
   exponent keeps about 100 bits; the C99 special cases first. */
double demystify_pow(double x, double y) {
    if (y == 0) return 1.0;
    if (x == 1.0) return 1.0;
    if (is_nan(x) || is_nan(y)) return x + y;
    double ax = abs_of(x), ay = abs_of(y);
    int kind = integer_kind(y);
    int xneg = (bits_of(x) >> 63) != 0;
    double sign = (xneg && kind == 2) ? -1.0 : 1.0;
    if (is_inf(y)) {
        if (ax == 1.0) return 1.0;                       /* (−1)^±∞ */
        if ((ax < 1.0) == (y < 0)) return ay;            /* +∞ */
        return 0.0;
    }
    if (ax == 0) {
        if (y < 0) return sign * INF;
        return sign * 0.0;
    }
    if (is_inf(ax)) {
        if (y < 0) return sign * 0.0;
        return sign * ax;
    }
    if (xneg && kind == 0) return (x - x) / (x - x);     /* negative base, not an integer power: NaN */
    if (ax == 1.0) return sign;                          /* (−1)^integer */
    if (ay > 0x1p900) {                                  /* |y log x| ≥ 2^846: certain over- or underflow */
        return ((ax > 1.0) == (y > 0)) ? sign * INF : sign * 0.0;
    }
    double lh, ll;
    log_pair(ax, &lh, &ll);
    double ph, pl;
    two_prod(y, lh, &ph, &pl);
    pl += y * ll;
    double s, e;
    fast_two_sum(ph, pl, &s, &e);
    if (s > 709.782712893384) return sign * INF;
    if (s < -745.1332191019412) return sign * 0.0;
    if (abs_of(s) < 0x1p-54) return sign * (1.0 + s);
    return sign * exp_pair(s, e);
}

/* ---- Box–Muller, a block at a time --------------------------------------------------- */

/* The pair (u₁, u₂) in place becomes (r cos 2πu₂, r sin 2πu₂)·scale with
   r = √(−2 log u₁), for u₁ in [2^-53, 1) and u₂ in [0, 1) (the generator's
   uniforms). The same steps as demystify_log and demystify_sincos_turns
   (split_exponent, log_pair_of, turn_sincos), none with a branch, so the
   compiler vectorises the loop; the bits are those two functions' (tested). */
void demystify_box_muller(double *u, long pairs, double scale) {
    for (long p = 0; p < pairs; p++) {
        double m, e, sine, cosine;
        split_exponent(u[2 * p], &m, &e);                 /* u₁ is normal: no scaling */
        double r = __builtin_sqrt(-2.0 * log_pair_core(m, e));
        turn_sincos(u[2 * p + 1], &sine, &cosine);
        u[2 * p] = (r * cosine) * scale;
        u[2 * p + 1] = (r * sine) * scale;
    }
}

/* ---- softplus and log over arrays ------------------------------------------------- */

/* e^x: demystify_exp's steps with its branches turned into selects, so a
   loop over it vectorises. Lanes that take a special answer compute on
   x = −1 and throw the result away (no out-of-range table index). */
static inline __attribute__((always_inline)) double exp_selected(double x) {
    int nan = x != x, over = x > 709.782712893384, under = x < -745.1332191019412, tiny = abs_of(x) < 0x1p-54;
    double s = (nan | over | under | tiny) ? -1.0 : x;
    int m;                                                /* from −1075 to 1024 */
    double y = exp_table_part(s, 0.0, &m);
    int high = m > 1020, deep = m < -1020;
    double near = y * pow2((high | deep) ? 0 : m);
    double far_high = (y * pow2(high ? m - 1000 : 0)) * pow2(1000);
    double far_deep = (y * pow2(deep ? m + 1000 : 0)) * pow2(-1000);
    double r = high ? far_high : (deep ? far_deep : near);
    r = tiny ? 1.0 + x : r;
    r = under ? 0.0 : r;
    r = over ? INF : r;
    return nan ? x + x : r;
}

/* log(1 + e) for 0 ≤ e ≤ 1 (or NaN): demystify_log1p's steps for that range
   (1 + e is normal: no scaling), with selects for its special answers. */
static inline __attribute__((always_inline)) double log1p_unit(double e) {
    int nan = e != e, tiny = abs_of(e) < 0x1p-54;
    double s = (nan | tiny) ? 0.5 : e;
    int big = abs_of(s) > 1.0;                            /* as demystify_log1p orders the sum */
    double u, v;
    two_sum(big ? s : 1.0, big ? 1.0 : s, &u, &v);
    double m, ed, hi, lo;
    split_exponent(u, &m, &ed);
    log_pair_of(m, ed + 0.0, &hi, &lo);
    double c = v / u;
    double t, err;
    two_sum(hi, c, &t, &err);
    double r = t + (err + lo);
    r = tiny ? e : r;
    return nan ? e + e : r;
}

/* y[i] = softplus(x[i]) = x > 0 ? x + log1p(e^(−x)) : log1p(e^x), the same bits
   as Activation.softplus (demystify_exp then demystify_log1p), vectorised. */
void demystify_softplus(const double *restrict x, double *restrict y, long n) {
    for (long i = 0; i < n; i++) {
        double v = x[i];
        int positive = v > 0;
        double l = log1p_unit(exp_selected(positive ? -v : v));
        y[i] = positive ? v + l : l;
    }
}

/* y[i] = e^x[i], the same bits as demystify_exp, vectorised. */
void demystify_exp_many(const double *restrict x, double *restrict y, long n) {
    for (long i = 0; i < n; i++) y[i] = exp_selected(x[i]);
}

/* y[i] = log x[i], the same bits as demystify_log, vectorised: lanes with x
   that is not a normal positive finite number take demystify_log's own answer. */
void demystify_log_many(const double *restrict x, double *restrict y, long n) {
    for (long i = 0; i < n; i++) {
        double v = x[i];
        int normal = v >= 0x1p-1022 && v <= 0x1.fffffffffffffp+1023;   /* false for NaN */
        double m, e;
        split_exponent(normal ? v : 1.0, &m, &e);
        y[i] = log_pair_core(m, e + 0.0);
    }
    for (long i = 0; i < n; i++) {                       /* 0, subnormal, negative, ∞, NaN */
        double v = x[i];
        if (!(v >= 0x1p-1022 && v <= 0x1.fffffffffffffp+1023)) y[i] = demystify_log(v);
    }
}
