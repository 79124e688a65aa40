;; ==== inference:union
; safecase 0.1.0 obligation inference:union of case enums (src/test/resources/golden/prover/enums.case:23:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |risk[deception]| Real)
(declare-const |risk[sabotage]| Real)
(declare-const |risk[exfiltration]| Real)
(declare-const |base| Bool)
; premise budget_split
(assert (and (<= |risk[deception]| (/ 1.0 100.0)) (<= |risk[sabotage]| (/ 1.0 100.0)) (<= |risk[exfiltration]| (/ 1.0 100.0))))
; premise base
(assert |base|)
; premise range:risk[deception]
(assert (and (<= 0.0 |risk[deception]|) (<= |risk[deception]| 1.0)))
; premise range:risk[sabotage]
(assert (and (<= 0.0 |risk[sabotage]|) (<= |risk[sabotage]| 1.0)))
; premise range:risk[exfiltration]
(assert (and (<= 0.0 |risk[exfiltration]|) (<= |risk[exfiltration]| 1.0)))
(check-sat)
; negated goal
(assert (not (<= (+ |risk[deception]| |risk[sabotage]| |risk[exfiltration]|) (/ 3.0 100.0))))
(check-sat)
;; ==== inference:some_low
; safecase 0.1.0 obligation inference:some_low of case enums (src/test/resources/golden/prover/enums.case:27:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |risk[deception]| Real)
(declare-const |risk[sabotage]| Real)
(declare-const |risk[exfiltration]| Real)
(declare-const |base| Bool)
; premise budget_split
(assert (and (<= |risk[deception]| (/ 1.0 100.0)) (<= |risk[sabotage]| (/ 1.0 100.0)) (<= |risk[exfiltration]| (/ 1.0 100.0))))
; premise base
(assert |base|)
; premise range:risk[deception]
(assert (and (<= 0.0 |risk[deception]|) (<= |risk[deception]| 1.0)))
; premise range:risk[sabotage]
(assert (and (<= 0.0 |risk[sabotage]|) (<= |risk[sabotage]| 1.0)))
; premise range:risk[exfiltration]
(assert (and (<= 0.0 |risk[exfiltration]|) (<= |risk[exfiltration]| 1.0)))
(check-sat)
; negated goal
(assert (not (or (<= |risk[deception]| (/ 1.0 100.0)) (<= |risk[sabotage]| (/ 1.0 100.0)) (<= |risk[exfiltration]| (/ 1.0 100.0)))))
(check-sat)
;; ==== inference:all_low
; safecase 0.1.0 obligation inference:all_low of case enums (src/test/resources/golden/prover/enums.case:31:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-const |base| Bool)
(declare-const |risk[deception]| Real)
(declare-const |risk[sabotage]| Real)
(declare-const |risk[exfiltration]| Real)
; premise base
(assert |base|)
; premise range:risk[deception]
(assert (and (<= 0.0 |risk[deception]|) (<= |risk[deception]| 1.0)))
; premise range:risk[sabotage]
(assert (and (<= 0.0 |risk[sabotage]|) (<= |risk[sabotage]| 1.0)))
; premise range:risk[exfiltration]
(assert (and (<= 0.0 |risk[exfiltration]|) (<= |risk[exfiltration]| 1.0)))
(check-sat)
; negated goal
(assert (not (and (<= |risk[deception]| (/ 1.0 200.0)) (<= |risk[sabotage]| (/ 1.0 200.0)) (<= |risk[exfiltration]| (/ 1.0 200.0)))))
(check-sat)
;; ==== inference:by_level
; safecase 0.1.0 obligation inference:by_level of case enums (src/test/resources/golden/prover/enums.case:34:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-datatypes ((|Level| 0)) (((|Level.low|) (|Level.high|))))
(declare-const |level| |Level|)
(declare-const |base| Bool)
; premise level_fixed
(assert (= |level| |Level.low|))
; premise base
(assert |base|)
(check-sat)
; negated goal
(assert (not (distinct |level| |Level.high|)))
(check-sat)
;; ==== inference:chosen
; safecase 0.1.0 obligation inference:chosen of case enums (src/test/resources/golden/prover/enums.case:39:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat, unsat
; two check-sat commands: run cvc5 with --incremental
(set-logic ALL)
(declare-datatypes ((|Hazard| 0)) (((|Hazard.deception|) (|Hazard.sabotage|) (|Hazard.exfiltration|))))
(declare-const |cap[deception]| Real)
(declare-const |cap[sabotage]| Real)
(declare-const |cap[exfiltration]| Real)
(declare-const |base| Bool)
(declare-const |which| |Hazard|)
; premise caps
(assert (and (= |cap[deception]| (ite (= |Hazard.deception| |Hazard.sabotage|) (/ 1.0 50.0) (/ 1.0 100.0))) (= |cap[sabotage]| (ite (= |Hazard.sabotage| |Hazard.sabotage|) (/ 1.0 50.0) (/ 1.0 100.0))) (= |cap[exfiltration]| (ite (= |Hazard.exfiltration| |Hazard.sabotage|) (/ 1.0 50.0) (/ 1.0 100.0)))))
; premise base
(assert |base|)
; premise range:cap[deception]
(assert (and (<= 0.0 |cap[deception]|) (<= |cap[deception]| 1.0)))
; premise range:cap[sabotage]
(assert (and (<= 0.0 |cap[sabotage]|) (<= |cap[sabotage]| 1.0)))
; premise range:cap[exfiltration]
(assert (and (<= 0.0 |cap[exfiltration]|) (<= |cap[exfiltration]| 1.0)))
(check-sat)
; negated goal
(assert (not (<= (ite (= |which| |Hazard.deception|) |cap[deception]| (ite (= |which| |Hazard.sabotage|) |cap[sabotage]| |cap[exfiltration]|)) (/ 1.0 50.0))))
(check-sat)
;; ==== consistency:enums
; safecase 0.1.0 obligation consistency:enums of case enums (src/test/resources/golden/prover/enums.case:2:1)
; expected answers: proved = sat, unsat; refuted = sat, sat; vacuous = unsat
(set-logic ALL)
(declare-datatypes ((|Level| 0)) (((|Level.low|) (|Level.high|))))
(declare-datatypes ((|Hazard| 0)) (((|Hazard.deception|) (|Hazard.sabotage|) (|Hazard.exfiltration|))))
(declare-const |risk[deception]| Real)
(declare-const |risk[sabotage]| Real)
(declare-const |risk[exfiltration]| Real)
(declare-const |level| |Level|)
(declare-const |cap[deception]| Real)
(declare-const |cap[sabotage]| Real)
(declare-const |cap[exfiltration]| Real)
; premise budget_split
(assert (and (<= |risk[deception]| (/ 1.0 100.0)) (<= |risk[sabotage]| (/ 1.0 100.0)) (<= |risk[exfiltration]| (/ 1.0 100.0))))
; premise level_fixed
(assert (= |level| |Level.low|))
; premise caps
(assert (and (= |cap[deception]| (ite (= |Hazard.deception| |Hazard.sabotage|) (/ 1.0 50.0) (/ 1.0 100.0))) (= |cap[sabotage]| (ite (= |Hazard.sabotage| |Hazard.sabotage|) (/ 1.0 50.0) (/ 1.0 100.0))) (= |cap[exfiltration]| (ite (= |Hazard.exfiltration| |Hazard.sabotage|) (/ 1.0 50.0) (/ 1.0 100.0)))))
; premise range:risk[deception]
(assert (and (<= 0.0 |risk[deception]|) (<= |risk[deception]| 1.0)))
; premise range:risk[sabotage]
(assert (and (<= 0.0 |risk[sabotage]|) (<= |risk[sabotage]| 1.0)))
; premise range:risk[exfiltration]
(assert (and (<= 0.0 |risk[exfiltration]|) (<= |risk[exfiltration]| 1.0)))
; premise range:cap[deception]
(assert (and (<= 0.0 |cap[deception]|) (<= |cap[deception]| 1.0)))
; premise range:cap[sabotage]
(assert (and (<= 0.0 |cap[sabotage]|) (<= |cap[sabotage]| 1.0)))
; premise range:cap[exfiltration]
(assert (and (<= 0.0 |cap[exfiltration]|) (<= |cap[exfiltration]| 1.0)))
(check-sat)
