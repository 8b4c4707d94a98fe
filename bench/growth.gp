# bench/growth.gp: how the yearly run grows with respondents (make bench).
# gnuplot -e "tsv='results.tsv'; svg='growth.svg'" bench/growth.gp
set terminal svg size 760,440 font "IPAexGothic,12" background "white"
set output svg
set datafile separator "\t"
set key top left box opaque
set logscale xy
set grid
set xlabel "respondents (answer sheets a year)"
set ylabel "seconds (wall, median)"
set y2label "process tree peak memory (MB, summed PSS)"
set y2tics
set logscale y2
set ytics nomirror
set title "kansa run --year 2025: time and memory by respondents"
plot tsv skip 1 using 1:3 with linespoints lw 2 pt 7 title "whole run (s)", \
     tsv skip 1 using 1:6 with linespoints lw 2 pt 5 title "import (s)", \
     tsv skip 1 using 1:($8+$10+$12) with linespoints lw 2 pt 9 title "report --only: workbook + 2 PDFs (s)", \
     tsv skip 1 using 1:($9+$11+$13) with linespoints dt 2 lw 2 pt 6 title "their floors (s)", \
     tsv skip 1 using 1:5 axes x1y2 with linespoints lw 2 pt 11 title "process tree, summed PSS (MB, right)"
