;; ==== inference:split
; safecase 0.1.0 obligation inference:split of case kinds (src/test/resources/golden/prover/kinds.case:19:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |p| Real)
; premise direct
(assert (<= |p| (/ 1.0 50.0)))
; premise range:p
(assert (and (<= 0.0 |p|) (<= |p| 1.0)))
(check-sat)
; negated goal
(assert (not (<= |p| (/ 1.0 50.0))))
(check-sat)
;; ==== inference:direct
; safecase 0.1.0 obligation inference:direct of case kinds (src/test/resources/golden/prover/kinds.case:21:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |p| Real)
(declare-const |m| Real)
; premise measured
(assert (and (<= |p| |m|) (<= |m| (/ 1.0 100.0))))
; premise range:p
(assert (and (<= 0.0 |p|) (<= |p| 1.0)))
; premise range:m
(assert (and (<= 0.0 |m|) (<= |m| 1.0)))
(check-sat)
; negated goal
(assert (not (<= |p| (/ 1.0 50.0))))
(check-sat)
;; ==== evidence:measured
; safecase 0.1.0 obligation evidence:measured of case kinds (src/test/resources/golden/prover/kinds.case:23:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |m| Real)
(declare-const |p| Real)
; premise report#1
(assert (= |m| (/ 1.0 100.0)))
; premise report#2
(assert (<= |p| |m|))
; premise range:m
(assert (and (<= 0.0 |m|) (<= |m| 1.0)))
; premise range:p
(assert (and (<= 0.0 |p|) (<= |p| 1.0)))
(check-sat)
; negated goal
(assert (not (and (<= |p| |m|) (<= |m| (/ 1.0 100.0)))))
(check-sat)
;; ==== consistency:kinds
; safecase 0.1.0 obligation consistency:kinds of case kinds (src/test/resources/golden/prover/kinds.case:3:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat
(set-logic ALL)
(declare-const |m| Real)
(declare-const |p| Real)
; premise report#1
(assert (= |m| (/ 1.0 100.0)))
; premise report#2
(assert (<= |p| |m|))
; premise range:p
(assert (and (<= 0.0 |p|) (<= |p| 1.0)))
; premise range:m
(assert (and (<= 0.0 |m|) (<= |m| 1.0)))
(check-sat)
