// stb_image's implementation for the test programs that read PNGs back (one definition per
// program; kept out of the unity batches, which include the header without it).
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>
