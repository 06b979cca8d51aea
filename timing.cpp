#include <chrono>
#include <cstdio>
#include "pack/haru_fonts.hpp"
#include "pack/text_measurer.hpp"
int main(){
 auto t0=std::chrono::steady_clock::now();
 auto m=bp::pack::HaruTextMeasurer::open("/work/main/assets/fonts");
 auto t1=std::chrono::steady_clock::now();
 double w=0; for(int i=0;i<100000;i++) w+=m->width("Partners reviewed the quarterly figures", bp::layout::FontStyle::regular, 10);
 auto t2=std::chrono::steady_clock::now();
 bp::pack::HaruDocument d; d.load_fonts("/work/main/assets/fonts"); HPDF_AddPage(d.get()); auto s=d.save();
 auto t3=std::chrono::steady_clock::now();
 auto ms=[](auto a, auto b){return std::chrono::duration<double,std::milli>(b-a).count();};
 printf("open %.1f ms, 100k widths %.1f ms, doc+save %.1f ms (%zu bytes)\n", ms(t0,t1), ms(t1,t2), ms(t2,t3), s.size());
}
