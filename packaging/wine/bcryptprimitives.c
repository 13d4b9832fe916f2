/* Test-only shim for Debian 12's wine 8.0, which lacks bcryptprimitives.dll (every Windows 10/11
   has it; Rust's standard library calls its ProcessPrng for random numbers). Not shipped. */
#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, n)) return FALSE;
        data += n; len -= n;
    }
    return TRUE;
}
